import { DownloadOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Modal, Row, Select, Space, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { expertKinds, type ExpertKind } from '../../../domain/cooperation';
import { can } from '../../../domain/permissions';
import { FilterField } from '../../ui/FilterField';
import { FormErrorAlert } from '../../ui/FormDrawer';
import { formatAmount, formatDate } from '../../ui/format';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { SearchInput } from '../../ui/SearchInput';
import { useFormSave } from '../../ui/use-form-save';
import { useListPage } from '../../ui/use-list-page';
import { useCurrentUser } from '../auth/RequireSession';
import {
  downloadExperts, fetchConsultations, fetchExperts, fetchProjects, fetchTeams, saveExpert, type Consultation, type Expert, type Project, type Team,
} from './cooperation.api';

const tabs = ['teams', 'experts', 'projects', 'consultations'] as const;
type TabKey = (typeof tabs)[number];

/** 柔性引才: resident teams, experts, the investment projects that brought them, and 问诊把脉. One list per tab, its state in the address. */
export function FlexibleTalentPage() {
  const { t } = useTranslation();
  const list = useListPage();
  const tab = list.oneOf<TabKey>('tab', tabs) ?? 'teams';
  const body: Record<TabKey, React.ReactNode> = { teams: <TeamList />, experts: <ExpertList />, projects: <ProjectList />, consultations: <ConsultationList /> };
  return (
    <>
      <PageHeader title={t('coop.flexible.title')} description={t('coop.flexible.description')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => list.replace(new URLSearchParams(key === 'teams' ? {} : { tab: key }))}
        items={tabs.map((key) => ({ key, label: t(`coop.flexible.tabs.${key}`), children: key === tab ? body[key] : null }))}
      />
    </>
  );
}

function TeamList() {
  const { t } = useTranslation();
  const list = useListPage();
  const q = list.param('q');
  const query = { q, page: list.page, pageSize: list.pageSize };
  const teams = useQuery({ queryKey: ['teams', query], queryFn: () => fetchTeams(query), placeholderData: keepPreviousData });
  const columns: TableColumnsType<Team> = [
    { key: 'name', title: t('coop.flexible.columns.team'), dataIndex: 'name' },
    { key: 'leader', title: t('coop.flexible.columns.leader'), render: (_, team) => team.leader?.name ?? t('coop.none') },
    { key: 'project', title: t('coop.flexible.columns.project'), render: (_, team) => team.project?.name ?? t('coop.none') },
    { key: 'serviceFrom', title: t('coop.flexible.columns.serviceFrom'), dataIndex: 'serviceFrom', render: (value: string) => formatDate(value) },
    { key: 'members', title: t('coop.flexible.columns.members'), dataIndex: 'members', align: 'right' },
    { key: 'experts', title: t('coop.flexible.columns.experts'), dataIndex: 'experts', align: 'right' },
  ];
  return (
    <Card>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={10}>
          <SearchInput value={q} placeholder={t('coop.search')} onSearch={(value) => list.filter({ q: value })} data-testid="teams-search" />
        </Col>
      </Row>
      <ListTable<Team> list={list} query={teams} columns={columns} rowKey="id" data-testid="teams-table" />
    </Card>
  );
}

function ExpertList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const manages = can(useCurrentUser().roles, 'flexibleTalent.manage');
  const list = useListPage();
  const q = list.param('q');
  const kind = list.oneOf<ExpertKind>('kind', expertKinds);
  const query = { q, kind, page: list.page, pageSize: list.pageSize };
  const experts = useQuery({ queryKey: ['experts', query], queryFn: () => fetchExperts(query), placeholderData: keepPreviousData });
  const [assigning, setAssigning] = useState<Expert | null>(null);
  const exporting = useMutation({ mutationFn: () => downloadExperts({ q, kind }), onSuccess: (name) => void message.success(t('coop.exported', { name })), onError: (error) => void message.error(error.message) });
  const columns: TableColumnsType<Expert> = [
    { key: 'name', title: t('coop.flexible.columns.name'), dataIndex: 'name' },
    { key: 'kind', title: t('coop.flexible.columns.kind'), dataIndex: 'kind', render: (value: ExpertKind) => <Tag>{t(`coopLabels.expertKind.${value}`)}</Tag> },
    { key: 'field', title: t('coop.flexible.columns.field'), dataIndex: 'field' },
    { key: 'affiliation', title: t('coop.flexible.columns.affiliation'), dataIndex: 'affiliation', responsive: ['xxl'] },
    { key: 'team', title: t('coop.flexible.columns.team'), render: (_, expert) => expert.team?.name ?? t('coop.none') },
    { key: 'project', title: t('coop.flexible.columns.project'), render: (_, expert) => expert.project?.name ?? t('coop.none'), responsive: ['xl'] },
    { key: 'serviceDays', title: t('coop.flexible.columns.serviceDays'), dataIndex: 'serviceDays', align: 'right' },
    ...(manages
      ? [{ key: 'actions', title: t('coop.flexible.columns.actions'), render: (_: unknown, expert: Expert) => (
          <Button size="small" icon={<UsergroupAddOutlined />} onClick={() => setAssigning(expert)} data-testid="expert-assign">{t('coop.flexible.assign')}</Button>
        ) }]
      : []),
  ];
  return (
    <Card>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }} align="bottom">
        <Col xs={24} lg={10}>
          <SearchInput value={q} placeholder={t('coop.search')} onSearch={(value) => list.filter({ q: value })} data-testid="experts-search" />
        </Col>
        <Col xs={12} lg={5}>
          <FilterField label={t('coop.flexible.kind')}>
            <Select allowClear value={kind} placeholder={t('coop.flexible.kind')} style={{ width: '100%' }} onChange={(value?: string) => list.filter({ kind: value })}
              options={expertKinds.map((value) => ({ value, label: t(`coopLabels.expertKind.${value}`) }))} />
          </FilterField>
        </Col>
        <Col flex="auto" style={{ textAlign: 'right' }}>
          <Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()} data-testid="experts-export">{t('coop.export')}</Button>
        </Col>
      </Row>
      <ListTable<Expert> list={list} query={experts} columns={columns} rowKey="id" data-testid="experts-table" />
      {assigning ? <AssignDialog expert={assigning} onClose={() => setAssigning(null)} /> : null}
    </Card>
  );
}

/** Puts an expert on a team; the expert takes the team's investment project with it (项目+人才). */
function AssignDialog({ expert, onClose }: { expert: Expert; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ teamId: string }>();
  const save = useFormSave(form, ['teamId']);
  const teams = useQuery({ queryKey: ['teams', 'all'], queryFn: () => fetchTeams({ page: 1, pageSize: 200 }) });
  const assign = useMutation({
    mutationFn: ({ teamId }: { teamId: string }) => {
      const team = teams.data?.items.find((each) => each.id === teamId);
      return saveExpert(expert, { teamId, projectId: team?.project?.id ?? expert.project?.id ?? null });
    },
    onSuccess: () => {
      void message.success(t('coop.saved'));
      void queryClient.invalidateQueries({ queryKey: ['experts'] });
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
      onClose();
    },
    onError: save.refused,
  });
  return (
    <Modal open title={t('coop.flexible.assignTitle', { name: expert.name })} onCancel={onClose} onOk={() => form.submit()} okText={t('coop.flexible.assign')} cancelText={t('common.cancel')} confirmLoading={assign.isPending}>
      <Form form={form} name="expert-assign" layout="vertical" initialValues={{ teamId: expert.team?.id }} onFinish={(values) => { save.reset(); assign.mutate(values); }}>
        <FormErrorAlert save={save} testId="expert-assign-error" />
        <Form.Item name="teamId" label={t('coop.flexible.teamField')} rules={[{ required: true, message: t('coop.flexible.teamRequired') }]} extra={t('coop.flexible.projectNote')}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={teams.isLoading} data-testid="expert-team"
            options={(teams.data?.items ?? []).map((team) => ({ value: team.id, label: team.project ? `${team.name} · ${team.project.name}` : team.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ProjectList() {
  const { t } = useTranslation();
  const list = useListPage();
  const q = list.param('q');
  const query = { q, page: list.page, pageSize: list.pageSize };
  const projects = useQuery({ queryKey: ['projects', query], queryFn: () => fetchProjects(query), placeholderData: keepPreviousData });
  const columns: TableColumnsType<Project> = [
    { key: 'name', title: t('coop.flexible.columns.projectName'), dataIndex: 'name' },
    { key: 'investor', title: t('coop.flexible.columns.investor'), dataIndex: 'investor', responsive: ['xl'] },
    { key: 'amount', title: t('coop.flexible.columns.amount'), dataIndex: 'amount', align: 'right', render: (value: number) => t('coop.tenThousand', { amount: formatAmount(value) }) },
    { key: 'status', title: t('coop.flexible.columns.status'), dataIndex: 'status', render: (value: Project['status']) => <Tag>{t(`coopLabels.projectStatus.${value}`)}</Tag> },
    { key: 'teams', title: t('coop.flexible.columns.teams'), dataIndex: 'teams', align: 'right' },
    { key: 'experts', title: t('coop.flexible.columns.experts'), dataIndex: 'experts', align: 'right' },
  ];
  return (
    <Card>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={10}>
          <SearchInput value={q} placeholder={t('coop.search')} onSearch={(value) => list.filter({ q: value })} />
        </Col>
      </Row>
      <ListTable<Project> list={list} query={projects} columns={columns} rowKey="id" />
    </Card>
  );
}

function ConsultationList() {
  const { t } = useTranslation();
  const list = useListPage();
  const query = { page: list.page, pageSize: list.pageSize };
  const consultations = useQuery({ queryKey: ['consultations', query], queryFn: () => fetchConsultations(query), placeholderData: keepPreviousData });
  const columns: TableColumnsType<Consultation> = [
    { key: 'topic', title: t('coop.flexible.columns.topic'), dataIndex: 'topic', render: (topic: string, row) => <Space direction="vertical" size={0}><span>{topic}</span><Typography.Text type="secondary">{row.recommendations}</Typography.Text></Space> },
    { key: 'enterprise', title: t('coop.flexible.columns.enterprise'), render: (_, row) => row.enterprise.name },
    { key: 'experts', title: t('coop.flexible.columns.experts'), render: (_, row) => row.experts.map((expert) => expert.name).join(t('common.listSeparator')) },
    { key: 'heldOn', title: t('coop.flexible.columns.heldOn'), dataIndex: 'heldOn', render: (value: string) => formatDate(value) },
    { key: 'followUp', title: t('coop.flexible.columns.followUp'), dataIndex: 'followUpStatus', render: (value: Consultation['followUpStatus']) => <Tag>{t(`coopLabels.followUpStatus.${value}`)}</Tag> },
  ];
  return (
    <Card>
      <ListTable<Consultation> list={list} query={consultations} columns={columns} rowKey="id" />
    </Card>
  );
}
