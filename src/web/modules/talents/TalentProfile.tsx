import { EditOutlined, EyeOutlined, LockOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Flex, Space, Table, Tabs, Tag, Timeline, Tooltip, Typography, type DescriptionsProps, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { can } from '../../../domain/permissions';
import { isApiError } from '../../app/api';
import { CenteredSpin } from '../../ui/CenteredSpin';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate, formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { useCurrentUser } from '../auth/RequireSession';
import { industryName, tierName, useReference } from '../reference/reference.api';
import type { Revealed } from './RevealDialog';
import { RevealDialog } from './RevealDialog';
import { TalentAuditTab } from './TalentAuditTab';
import { TalentFormDrawer } from './TalentFormDrawer';
import { statusColours } from './TalentTable';
import { fetchTalent, type Certificate, type Education, type TalentDetail, type Title } from './talents.api';
import { VerifyDialog } from './VerifyDialog';
import { TalentTrainingRecords } from '../training/TalentTrainingRecords';
import { HonoursTab } from '../selections/HonoursTab';

const tabKeys = ['basic', 'education', 'titles', 'work', 'honours', 'audit'] as const;
type TabKey = (typeof tabKeys)[number];
const isTab = (value: string | null): value is TabKey => value !== null && (tabKeys as readonly string[]).includes(value);

type TalentProfileProps = {
  talentId: string;
  /** The talent's own profile page (我的档案): its title, without the way back to the registry. */
  own?: boolean;
};

/** One talent's record: tabs for personal data, education, titles, work and status, and (office) the audit trail. */
export function TalentProfile({ talentId, own = false }: TalentProfileProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const tabParam = searchParams.get('tab');
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [revealOpen, setRevealOpen] = useState(false);
  const [verifyOpen, setVerifyOpen] = useState(false);
  const [editOpen, setEditOpen] = useState(false);
  const talent = useQuery({ queryKey: ['talent', talentId], queryFn: () => fetchTalent(talentId) });

  if (talent.isPending) return <CenteredSpin />;
  if (talent.isError) {
    const missing = isApiError(talent.error) && talent.error.status === 404;
    return (
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <ErrorAlert message={missing ? t('talents.detail.notFound') : talent.error.message} retryLabel={missing ? undefined : t('common.retry')} onRetry={missing ? undefined : () => void talent.refetch()} />
        {own ? null : <Link to="/talents">{t('talents.detail.backToList')}</Link>}
      </Space>
    );
  }

  const record = talent.data;
  const showAudit = can(user.roles, 'talents.auditTrail');
  const activeTab: TabKey = isTab(tabParam) && (tabParam !== 'audit' || showAudit) ? tabParam : 'basic';
  const handleTabChange = (key: string) => {
    const next = new URLSearchParams(searchParams);
    if (key === 'basic') next.delete('tab');
    else next.set('tab', key);
    setSearchParams(next, { replace: true });
  };
  const verified = new Set(record.verification.fields);

  const tabs = [
    { key: 'basic', label: t('talents.detail.tabs.basic'), children: <BasicTab talent={record} revealed={revealed} verified={verified} /> },
    { key: 'education', label: t('talents.detail.tabs.education'), children: <EducationTab educations={record.educations} verified={verified.has('educations')} /> },
    { key: 'titles', label: t('talents.detail.tabs.titles'), children: <TitlesTab talentId={record.id} titles={record.titles} certificates={record.certificates} verified={verified} /> },
    { key: 'work', label: t('talents.detail.tabs.work'), children: <WorkTab talent={record} verified={verified} /> },
    { key: 'honours', label: t('selections.honours.tab'), children: <HonoursTab talentId={record.id} /> },
    ...(showAudit ? [{ key: 'audit', label: t('talents.detail.tabs.audit'), children: <TalentAuditTab talentId={record.id} /> }] : []),
  ];

  const employerLabel = record.employer?.name ?? record.employerName;
  return (
    <>
      <PageHeader
        title={
          <Flex wrap gap={8} align="center">
            <span data-testid="talent-detail-name">{own ? t('profile.title') : record.name}</span>
            <Tag color={statusColours[record.status]} style={{ marginInlineEnd: 0 }}>
              {t(`talentStatuses.${record.status}`)}
            </Tag>
            {record.verified ? (
              <Tag icon={<SafetyCertificateOutlined />} color="green" style={{ marginInlineEnd: 0 }}>
                {t('talents.verified')}
              </Tag>
            ) : null}
          </Flex>
        }
        description={own ? t('profile.description') : [employerLabel, record.post].filter(Boolean).join(' · ') || undefined}
        extra={
          <Space wrap>
            {record.permissions.reveal ? (
              <Button icon={<EyeOutlined />} onClick={() => setRevealOpen(true)} disabled={revealed !== null} data-testid="talent-reveal">
                {t('talents.reveal.button')}
              </Button>
            ) : null}
            {record.permissions.verify ? (
              <Button icon={<SafetyCertificateOutlined />} onClick={() => setVerifyOpen(true)} data-testid="talent-verify">
                {t('talents.verify.button')}
              </Button>
            ) : null}
            {record.permissions.edit ? (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditOpen(true)} data-testid="talent-edit">
                {t('common.edit')}
              </Button>
            ) : null}
          </Space>
        }
      />
      {revealed ? <Alert type="warning" showIcon title={t('talents.reveal.shown')} style={{ marginBottom: 16 }} data-testid="talent-revealed" /> : null}
      <Card>
        <Tabs activeKey={activeTab} onChange={handleTabChange} items={tabs} data-testid="talent-tabs" />
      </Card>
      <RevealDialog talentId={record.id} open={revealOpen} onClose={() => setRevealOpen(false)} onRevealed={setRevealed} />
      {record.permissions.verify ? <VerifyDialog talent={record} open={verifyOpen} onClose={() => setVerifyOpen(false)} /> : null}
      {record.permissions.edit ? (
        <TalentFormDrawer
          open={editOpen}
          talent={record}
          revealed={revealed}
          onRevealed={setRevealed}
          onClose={() => setEditOpen(false)}
          onReload={() => talent.refetch()}
        />
      ) : null}
    </>
  );
}

/** A label with a mark when the office verified the field. */
function VerifiedLabel({ label, verified }: { label: string; verified: boolean }) {
  const { t } = useTranslation();
  return verified ? (
    <Tooltip title={t('talents.verifiedField')}>
      <span>
        {label} <SafetyCertificateOutlined style={{ color: '#52c41a' }} aria-label={t('talents.verifiedField')} />
      </span>
    </Tooltip>
  ) : (
    label
  );
}

const numberStyle = { fontVariantNumeric: 'tabular-nums' } as const;

function BasicTab({ talent, revealed, verified }: { talent: TalentDetail; revealed: Revealed | null; verified: Set<string> }) {
  const { t } = useTranslation();
  const none = t('common.none');
  const label = (field: keyof typeof fieldKeys) => <VerifiedLabel label={t(`talents.detail.fields.${fieldKeys[field]}`)} verified={verified.has(field)} />;
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: label('name'), children: talent.name },
    { key: 'gender', label: label('gender'), children: t(`dictionaries.genders.${talent.gender}`) },
    // the birth date only with a reveal; readers see the year
    revealed
      ? { key: 'birthDate', label: label('birthDate'), children: <span data-testid="talent-birth-date">{formatDate(revealed.birthDate)}</span> }
      : { key: 'birthYear', label: <VerifiedLabel label={t('talents.detail.fields.birthYear')} verified={verified.has('birthDate')} />, children: <span data-testid="talent-birth-year">{talent.birthYear}</span> },
    { key: 'idNumber', label: label('idNumber'), children: <span style={numberStyle} data-testid="talent-id-number">{revealed?.idNumber ?? talent.idNumber}</span> },
    { key: 'phone', label: t('talents.detail.fields.phone'), children: <span style={numberStyle} data-testid="talent-phone">{(revealed ? revealed.phone : talent.phone) ?? none}</span> },
    { key: 'ethnicity', label: t('talents.detail.fields.ethnicity'), children: talent.ethnicity ?? none },
    { key: 'nativePlace', label: t('talents.detail.fields.nativePlace'), children: talent.nativePlaceName ?? talent.nativePlace ?? none },
    { key: 'politicalStatus', label: t('talents.detail.fields.politicalStatus'), children: talent.politicalStatus ? t(`dictionaries.politicalStatuses.${talent.politicalStatus}`) : none },
    { key: 'email', label: t('talents.detail.fields.email'), children: talent.email ?? none },
    {
      key: 'verification',
      label: t('talents.detail.fields.verification'),
      children: talent.verification.verifiedAt ? t('talents.detail.verifiedAt', { time: formatDateTime(talent.verification.verifiedAt) }) : <Typography.Text type="secondary">{t('talents.detail.notVerified')}</Typography.Text>,
    },
    { key: 'createdAt', label: t('talents.detail.fields.createdAt'), children: formatDateTime(talent.createdAt) },
    { key: 'updatedAt', label: t('talents.detail.fields.updatedAt'), children: formatDateTime(talent.updatedAt) },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />;
}

/** Field → its label key under talents.detail.fields, for the verifiable ones shown with a mark. */
const fieldKeys = {
  name: 'name',
  gender: 'gender',
  birthDate: 'birthDate',
  idNumber: 'idNumber',
  employerId: 'employer',
  post: 'post',
  arrivalRoute: 'arrivalRoute',
  arrivedOn: 'arrivedOn',
  tier: 'tier',
} as const;

function SectionHeading({ children, verified }: { children: ReactNode; verified: boolean }) {
  const { t } = useTranslation();
  return (
    <Typography.Title level={5} style={{ marginTop: 0 }}>
      {children}
      {verified ? (
        <Tag icon={<LockOutlined />} color="green" style={{ marginInlineStart: 8, fontWeight: 'normal' }}>
          {t('talents.verifiedField')}
        </Tag>
      ) : null}
    </Typography.Title>
  );
}

function EducationTab({ educations, verified }: { educations: Education[]; verified: boolean }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Education> = [
    { key: 'level', title: t('talents.detail.educationColumns.level'), dataIndex: 'level', render: (value: Education['level']) => t(`dictionaries.educationLevels.${value}`) },
    { key: 'degree', title: t('talents.detail.educationColumns.degree'), dataIndex: 'degree', render: (value: Education['degree']) => (value === 'none' ? t('common.none') : t(`dictionaries.degrees.${value}`)) },
    { key: 'school', title: t('talents.detail.educationColumns.school'), dataIndex: 'school' },
    { key: 'major', title: t('talents.detail.educationColumns.major'), dataIndex: 'major', render: (value: string) => value || t('common.none') },
    { key: 'years', title: t('talents.detail.educationColumns.years'), render: (_, education) => <span style={{ whiteSpace: 'nowrap' }}>{`${education.startYear ?? '?'}–${education.graduationYear}`}</span> },
    {
      key: 'mode',
      title: t('talents.detail.educationColumns.mode'),
      render: (_, education) => (
        <Flex gap={4} wrap>
          <Tag style={{ marginInlineEnd: 0 }}>{education.fullTime ? t('talents.detail.educationColumns.fullTime') : t('talents.detail.educationColumns.partTime')}</Tag>
          {education.overseas ? (
            <Tag color="purple" style={{ marginInlineEnd: 0 }}>
              {t('talents.detail.educationColumns.overseas')}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
  ];
  return (
    <>
      <SectionHeading verified={verified}>{t('talents.detail.tabs.education')}</SectionHeading>
      <div data-testid="talent-educations">
        <Table<Education>
          rowKey={(education) => `${education.level}-${education.school}-${education.graduationYear}`}
          size="small"
          columns={columns}
          dataSource={educations}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('talents.detail.noEducations')} /> }}
        />
      </div>
    </>
  );
}

function TitlesTab({ talentId, titles, certificates, verified }: { talentId: string; titles: Title[]; certificates: Certificate[]; verified: Set<string> }) {
  const user = useCurrentUser();
  const { t } = useTranslation();
  const titleColumns: TableColumnsType<Title> = [
    { key: 'level', title: t('talents.detail.titleColumns.level'), dataIndex: 'level', render: (value: Title['level']) => t(`dictionaries.titleLevels.${value}`) },
    { key: 'series', title: t('talents.detail.titleColumns.series'), dataIndex: 'series' },
    { key: 'name', title: t('talents.detail.titleColumns.name'), dataIndex: 'name' },
    { key: 'year', title: t('talents.detail.titleColumns.year'), dataIndex: 'year' },
  ];
  const certificateColumns: TableColumnsType<Certificate> = [
    { key: 'name', title: t('talents.detail.certificateColumns.name'), dataIndex: 'name' },
    { key: 'level', title: t('talents.detail.certificateColumns.level'), dataIndex: 'level', render: (value: number) => (value >= 1 && value <= 5 ? t(`dictionaries.skillLevels.${String(value) as '1'}`) : value) },
    { key: 'issuer', title: t('talents.detail.certificateColumns.issuer'), dataIndex: 'issuer', render: (value: string) => value || t('common.none') },
    { key: 'year', title: t('talents.detail.certificateColumns.year'), dataIndex: 'year' },
  ];
  return (
    <Space orientation="vertical" size={24} style={{ width: '100%' }}>
      <div>
        <SectionHeading verified={verified.has('titles')}>{t('talents.detail.titlesHeading')}</SectionHeading>
        <Table<Title>
          rowKey={(title) => `${title.level}-${title.name}-${title.year}`}
          size="small"
          columns={titleColumns}
          dataSource={titles}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('talents.detail.noTitles')} /> }}
        />
      </div>
      <div>
        <SectionHeading verified={verified.has('certificates')}>{t('talents.detail.certificatesHeading')}</SectionHeading>
        <Table<Certificate>
          rowKey={(certificate) => `${certificate.name}-${certificate.level}-${certificate.year}`}
          size="small"
          columns={certificateColumns}
          dataSource={certificates}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('talents.detail.noCertificates')} /> }}
        />
        {/* the dated, numbered certificates and placements of skills training (modules/training) */}
        <TalentTrainingRecords talentId={talentId} linkClasses={can(user.roles, 'training.read')} />
      </div>
    </Space>
  );
}

function WorkTab({ talent, verified }: { talent: TalentDetail; verified: Set<string> }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const reference = useReference().data;
  const none = t('common.none');
  const label = (field: keyof typeof fieldKeys) => <VerifiedLabel label={t(`talents.detail.fields.${fieldKeys[field]}`)} verified={verified.has(field)} />;
  let employer: ReactNode = none;
  if (talent.employer) employer = can(user.roles, 'enterprises.read') ? <Link to={`/enterprises/${talent.employer.id}`}>{talent.employer.name}</Link> : talent.employer.name;
  else if (talent.employerName) employer = `${talent.employerName}（${t('talents.outside')}）`;
  const tier = reference?.tiers.find((entry) => entry.code === talent.tier);
  const items: DescriptionsProps['items'] = [
    { key: 'employer', label: label('employerId'), children: employer },
    { key: 'post', label: label('post'), children: talent.post ?? none },
    { key: 'industry', label: t('talents.detail.fields.industry'), children: industryName(t, reference, talent.industry) || none },
    { key: 'salaryBand', label: t('talents.detail.fields.salaryBand'), children: talent.salaryBand ? t(`dictionaries.salaryBands.${talent.salaryBand}`) : none },
    { key: 'arrivalRoute', label: label('arrivalRoute'), children: t(`arrivalRoutes.${talent.arrivalRoute}`) },
    { key: 'arrivedOn', label: label('arrivedOn'), children: formatDate(talent.arrivedOn) || none },
    {
      key: 'tier',
      label: label('tier'),
      children: talent.tier ? (
        <Tooltip title={tier?.definition}>
          <span>{tierName(reference, talent.tier)}</span>
        </Tooltip>
      ) : (
        none
      ),
    },
    {
      key: 'tags',
      label: t('talents.detail.fields.tags'),
      children: talent.tags.length ? (
        <Flex wrap gap={4}>
          {talent.tags.map((tag) => (
            <Tag key={tag} style={{ marginInlineEnd: 0 }}>
              {tag}
            </Tag>
          ))}
        </Flex>
      ) : (
        t('talents.detail.noTags')
      ),
    },
    { key: 'status', label: t('talents.detail.fields.status'), children: <Tag color={statusColours[talent.status]}>{t(`talentStatuses.${talent.status}`)}</Tag> },
    { key: 'statusSince', label: t('talents.detail.fields.statusSince'), children: formatDate(talent.statusSince) || none },
  ];
  const history = [...talent.statusHistory].sort((a, b) => b.since.localeCompare(a.since));
  return (
    <Space orientation="vertical" size={24} style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />
      <div>
        <Typography.Title level={5}>{t('talents.detail.statusHistory')}</Typography.Title>
        <Timeline
          items={history.map((entry, index) => ({
            key: `${entry.since}-${index}`,
            color: entry.status === 'left' ? 'gray' : entry.status === 'flexibleService' ? 'green' : 'blue',
            content: (
              <Space orientation="vertical" size={0}>
                <Typography.Text>
                  <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums', marginInlineEnd: 8 }}>
                    {formatDate(entry.since)}
                  </Typography.Text>
                  <Typography.Text strong>{t(`talentStatuses.${entry.status}`)}</Typography.Text>
                </Typography.Text>
                {entry.note ? <Typography.Text>{entry.note}</Typography.Text> : null}
                {entry.recordedBy ? <Typography.Text type="secondary">{t('talents.detail.recordedBy', { name: entry.recordedBy })}</Typography.Text> : null}
              </Space>
            ),
          }))}
        />
      </div>
    </Space>
  );
}
