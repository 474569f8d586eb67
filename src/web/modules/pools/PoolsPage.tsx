import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Switch, Table, Tabs, Tag, Typography, type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { poolMemberStatuses, poolNominators, type PoolMemberStatus } from '../../../domain/pools';
import { can } from '../../../domain/permissions';
import { currentLanguage } from '../../app/i18n';
import { FilterField } from '../../ui/FilterField';
import { FormDrawer, FormErrorAlert } from '../../ui/FormDrawer';
import { formatDate } from '../../ui/format';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { SearchInput } from '../../ui/SearchInput';
import { useFormSave } from '../../ui/use-form-save';
import { useListPage } from '../../ui/use-list-page';
import { useCurrentUser } from '../auth/RequireSession';
import { TalentSelect } from '../talents/TalentSelect';
import { changePool, createPool, fetchMembers, fetchPools, nominate, type PoolInput, type PoolMember, type TalentPool } from './pools.api';

export const poolStatusColor: Record<PoolMemberStatus, string> = { nominated: 'gold', inPool: 'green', used: 'blue', exited: 'default', declined: 'red' };

const poolName = (pool: { name: string; nameEn: string }) => (currentLanguage() === 'en-US' ? pool.nameEn : pool.name);

/** 后备人才库: each pool's figures, the members one may see, nominating; the office also keeps the pools. */
export function PoolsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const manages = can(user.roles, 'pools.manage');
  const pools = useQuery({ queryKey: ['pools'], queryFn: fetchPools });
  const members = <MemberList pools={pools.data ?? []} />;
  return (
    <>
      <PageHeader title={t('pools.title')} description={t('pools.description')} />
      {manages ? (
        <Tabs
          items={[
            { key: 'members', label: t('pools.tabs.members'), children: members },
            { key: 'settings', label: t('pools.tabs.settings'), children: <PoolSettings pools={pools.data ?? []} loading={pools.isLoading} /> },
          ]}
        />
      ) : (
        members
      )}
    </>
  );
}

function MemberList({ pools }: { pools: TalentPool[] }) {
  const { t } = useTranslation();
  const list = useListPage();
  const pool = list.param('pool');
  const status = list.oneOf<PoolMemberStatus>('status', poolMemberStatuses);
  const q = list.param('q');
  const reviewDue = list.param('reviewDue') === 'true' ? ('true' as const) : undefined;
  const query = { pool, status, q, reviewDue, page: list.page, pageSize: list.pageSize };
  const members = useQuery({ queryKey: ['pool-members', query], queryFn: () => fetchMembers(query), placeholderData: keepPreviousData });
  const [nominating, setNominating] = useState(false);
  const open = pools.filter((entry) => entry.canNominate);
  const today = dayjs().format('YYYY-MM-DD');

  const columns: TableColumnsType<PoolMember> = [
    { key: 'talent', title: t('pools.columns.talent'), render: (_, member) => <Link to={`/pools/members/${member.id}`}>{member.talent.name}</Link> },
    { key: 'employer', title: t('pools.columns.employer'), render: (_, member) => member.talent.employerName ?? t('pools.detail.none'), responsive: ['xl'] },
    {
      key: 'education', title: t('pools.columns.education'), responsive: ['xxl'],
      render: (_, member) => (member.talent.highestEducation ? t(`dictionaries.educationLevels.${member.talent.highestEducation}`) : t('pools.detail.none')),
    },
    { key: 'pool', title: t('pools.columns.pool'), render: (_, member) => poolName(member.pool) },
    {
      key: 'nominator', title: t('pools.columns.nominator'), responsive: ['lg'],
      render: (_, member) => (member.nominator.kind === 'department' ? (currentLanguage() === 'en-US' ? member.nominator.unitNameEn : member.nominator.unitName) : t(`pools.nominators.${member.nominator.kind}`)),
    },
    { key: 'nominatedAt', title: t('pools.columns.nominatedAt'), render: (_, member) => formatDate(member.nominatedAt.slice(0, 10)), responsive: ['xl'] },
    { key: 'status', title: t('pools.columns.status'), render: (_, member) => <Tag color={poolStatusColor[member.status]}>{t(`pools.statuses.${member.status}`)}</Tag> },
    {
      key: 'nextReview', title: t('pools.columns.nextReview'),
      render: (_, member) =>
        !member.nextReviewOn ? '—' : member.nextReviewOn <= today ? <Typography.Text type="danger">{formatDate(member.nextReviewOn)} · {t('pools.reviewOverdue')}</Typography.Text> : formatDate(member.nextReviewOn),
    },
  ];

  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {pools.map((entry) => (
          <Col key={entry.id} xs={24} md={12} xl={8}>
            <Card size="small" title={poolName(entry)} hoverable onClick={() => list.filter({ pool: entry.id, status: undefined })} data-testid={`pool-tile-${entry.code}`}>
              <Space size="large" wrap>
                {(['inPool', 'used', 'nominated'] as const).map((key) => (
                  <Link
                    key={key}
                    to={`/pools?pool=${entry.id}&status=${key}`}
                    onClick={(event) => event.stopPropagation()}
                  >
                    <div style={{ fontSize: 22, fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>{entry.counts[key]}</div>
                    <div style={{ color: '#595959' }}>{t(`pools.tile.${key}`)}</div>
                  </Link>
                ))}
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }} align="bottom">
          <Col xs={24} lg={7}>
            <SearchInput value={q} placeholder={t('pools.search')} onSearch={(value) => list.filter({ q: value })} data-testid="pool-members-search" />
          </Col>
          <Col xs={12} lg={5}>
            <FilterField label={t('pools.pool')}>
              <Select allowClear value={pool} placeholder={t('pools.pool')} options={pools.map((entry) => ({ value: entry.id, label: poolName(entry) }))} onChange={(value?: string) => list.filter({ pool: value })} style={{ width: '100%' }} />
            </FilterField>
          </Col>
          <Col xs={12} lg={4}>
            <FilterField label={t('pools.status')}>
              <Select allowClear value={status} placeholder={t('pools.status')} options={poolMemberStatuses.map((value) => ({ value, label: t(`pools.statuses.${value}`) }))} onChange={(value?: string) => list.filter({ status: value })} style={{ width: '100%' }} />
            </FilterField>
          </Col>
          <Col xs={24} lg={4}>
            <Checkbox checked={Boolean(reviewDue)} onChange={(event) => list.filter({ reviewDue: event.target.checked ? 'true' : undefined })} data-testid="pool-review-due">
              {t('pools.reviewDue')}
            </Checkbox>
          </Col>
          {open.length ? (
            <Col flex="auto" style={{ textAlign: 'right' }}>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setNominating(true)} data-testid="pool-nominate">
                {t('pools.nominate')}
              </Button>
            </Col>
          ) : null}
        </Row>
        <ListTable<PoolMember> list={list} query={members} columns={columns} />
      </Card>
      {nominating ? <NominateDialog pools={open} onClose={() => setNominating(false)} /> : null}
    </>
  );
}

type NominateValues = { poolId: string; talentId: string; reason: string };

function NominateDialog({ pools, onClose }: { pools: TalentPool[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NominateValues>();
  const save = useFormSave(form, ['poolId', 'talentId', 'reason']);
  const send = useMutation({
    mutationFn: (values: NominateValues) => nominate({ ...values, reason: values.reason.trim() }),
    onSuccess: () => {
      void message.success(t('pools.nominated'));
      void queryClient.invalidateQueries({ queryKey: ['pool-members'] });
      void queryClient.invalidateQueries({ queryKey: ['pools'] });
      onClose();
    },
    onError: save.refused,
  });
  return (
    <Modal open title={t('pools.nominate')} onCancel={onClose} onOk={() => form.submit()} okText={t('pools.nominate')} cancelText={t('common.cancel')} confirmLoading={send.isPending}>
      <Form form={form} name="pool-nominate" layout="vertical" initialValues={{ poolId: pools.length === 1 ? pools[0].id : undefined }} onFinish={(values) => { save.reset(); send.mutate(values); }}>
        <FormErrorAlert save={save} testId="pool-nominate-error" />
        <Form.Item name="poolId" label={t('pools.pool')} rules={[{ required: true, message: t('pools.required') }]}>
          <Select options={pools.map((entry) => ({ value: entry.id, label: poolName(entry) }))} data-testid="pool-nominate-pool" />
        </Form.Item>
        <Form.Item name="talentId" label={t('pools.talent')} rules={[{ required: true, message: t('pools.required') }]}>
          <TalentSelect inZone placeholder={t('pools.talentPlaceholder')} testId="pool-talent" />
        </Form.Item>
        <Form.Item name="reason" label={t('pools.reason')} rules={[{ required: true, whitespace: true, message: t('pools.required') }]}>
          <Input.TextArea rows={3} maxLength={1000} placeholder={t('pools.reasonPlaceholder')} data-testid="pool-nominate-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 人才库设置 (office): the pools as data — names, who may nominate, the review cycle, in use or not. */
function PoolSettings({ pools, loading }: { pools: TalentPool[]; loading: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<TalentPool | 'new' | null>(null);
  const columns: TableColumnsType<TalentPool> = [
    { key: 'name', title: t('pools.settings.name'), render: (_, pool) => poolName(pool) },
    { key: 'nominators', title: t('pools.settings.nominators'), render: (_, pool) => pool.nominators.map((kind) => t(`pools.nominators.${kind}`)).join(t('common.listSeparator')) },
    { key: 'reviewMonths', title: t('pools.settings.reviewMonths'), render: (_, pool) => t('pools.settings.months', { count: pool.reviewMonths }) },
    { key: 'active', title: t('pools.settings.active'), render: (_, pool) => (pool.active ? <Tag color="green">{t('pools.settings.active')}</Tag> : <Tag>{t('pools.settings.inactive')}</Tag>) },
    { key: 'actions', title: t('common.actions'), render: (_, pool) => <Button size="small" onClick={() => setEditing(pool)} data-testid={`pool-edit-${pool.code}`}>{t('pools.settings.edit')}</Button> },
  ];
  return (
    <Card extra={<Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="pool-add">{t('pools.settings.add')}</Button>}>
      <Table<TalentPool> rowKey="id" loading={loading} dataSource={pools} columns={columns} pagination={false} />
      {editing ? <PoolDrawer pool={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}

type PoolValues = PoolInput & { code: string };

function PoolDrawer({ pool, onClose }: { pool: TalentPool | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PoolValues>();
  const save = useFormSave(form, ['code', 'name', 'nameEn', 'description', 'descriptionEn', 'nominators', 'reviewMonths', 'active', 'sort']);
  const send = useMutation({
    mutationFn: ({ code, ...values }: PoolValues) => (pool ? changePool(pool.id, { ...values, version: pool.version }) : createPool({ ...values, code })),
    onSuccess: () => {
      void message.success(t('pools.settings.saved'));
      void queryClient.invalidateQueries({ queryKey: ['pools'] });
      onClose();
    },
    onError: save.refused,
  });
  const initial: Partial<PoolValues> = pool ?? { nominators: ['office'], reviewMonths: 12, active: true, sort: 0, description: '', descriptionEn: '' };
  return (
    <FormDrawer open onClose={onClose} title={pool ? poolName(pool) : t('pools.settings.add')} width={560} saving={send.isPending} onSave={() => form.submit()} saveTestId="pool-save">
      <Form form={form} name="pool" layout="vertical" initialValues={initial} onFinish={(values) => { save.reset(); send.mutate(values); }}>
        <FormErrorAlert save={save} testId="pool-error" />
        <Form.Item name="code" label={t('pools.settings.code')} extra={t('pools.settings.codeHint')} rules={[{ required: true, message: t('pools.required') }]}>
          <Input disabled={Boolean(pool)} maxLength={40} />
        </Form.Item>
        <Form.Item name="name" label={t('pools.settings.name')} rules={[{ required: true, message: t('pools.required') }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('pools.settings.nameEn')} rules={[{ required: true, message: t('pools.required') }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="description" label={t('pools.settings.description')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="descriptionEn" label={t('pools.settings.descriptionEn')}>
          <Input.TextArea rows={2} maxLength={800} />
        </Form.Item>
        <Form.Item name="nominators" label={t('pools.settings.nominators')} rules={[{ required: true, message: t('pools.required') }]}>
          <Checkbox.Group options={poolNominators.map((kind) => ({ value: kind, label: t(`pools.nominators.${kind}`) }))} />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="reviewMonths" label={t('pools.settings.reviewMonths')} rules={[{ required: true, message: t('pools.required') }]}>
            <InputNumber min={1} max={60} />
          </Form.Item>
          <Form.Item name="sort" label={t('pools.settings.sort')}>
            <InputNumber min={0} max={999} />
          </Form.Item>
          <Form.Item name="active" label={t('pools.settings.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
      </Form>
    </FormDrawer>
  );
}
