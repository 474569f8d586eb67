import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Empty, Flex, Form, Input, InputNumber, Modal, Row, Select, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { apartmentLayouts, apartmentUnitStatuses, leaseStatuses, manualUnitStatuses, type ApartmentLayout, type ApartmentUnitStatus, type LeaseStatus } from '../../../domain/apartments';
import { can } from '../../../domain/permissions';
import { isApiError } from '../../app/api';
import { CenteredSpin } from '../../ui/CenteredSpin';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FilterField } from '../../ui/FilterField';
import { applyFieldErrors } from '../../ui/form-errors';
import { formatDateTime, formatMoney } from '../../ui/format';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { StatTile } from '../../ui/StatTile';
import { useListPage } from '../../ui/use-list-page';
import { useCurrentUser } from '../auth/RequireSession';
import { CaseStatusTag } from '../cases/CaseTags';
import { ExplanationTree } from '../policies/policy-ui';
import {
  allocate, applyForApartment, fetchApplications, fetchBuildings, fetchEligibility, fetchLeases, fetchMine, fetchUnits, fetchWaitingList, moveIn, moveOut, renew,
  type ApartmentApplication, type ApartmentUnit, type ApplyPayload, type Lease,
} from './apartments.api';

const dayOf = (value: Dayjs) => value.format('YYYY-MM-DD');

/** 人才公寓: staff manage the inventory, the waiting list and the leases; a talent applies and follows their own. */
export function ApartmentsPage() {
  const user = useCurrentUser();
  return can(user.roles, 'apartments.read') ? <StaffView /> : <TalentView />;
}

function StaffView() {
  const { t } = useTranslation();
  const list = useListPage();
  const tab = list.oneOf('tab', ['units', 'waiting', 'leases', 'applications'] as const) ?? 'units';
  return (
    <>
      <PageHeader title={t('apartments.title')} description={t('apartments.description')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => list.filter({ tab: key === 'units' ? undefined : key, status: undefined, buildingId: undefined, layout: undefined, leaseStatus: undefined })}
        items={[
          { key: 'units', label: t('apartments.tabs.units'), children: tab === 'units' ? <UnitsTab /> : null },
          { key: 'waiting', label: t('apartments.tabs.waiting'), children: tab === 'waiting' ? <WaitingTab /> : null },
          { key: 'leases', label: t('apartments.tabs.leases'), children: tab === 'leases' ? <LeasesTab /> : null },
          { key: 'applications', label: t('apartments.tabs.applications'), children: tab === 'applications' ? <ApplicationsTab /> : null },
        ]}
      />
    </>
  );
}

const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

function UnitsTab() {
  const { t } = useTranslation();
  const list = useListPage();
  const buildingId = list.searchParams.get('buildingId') ?? undefined;
  const unitStatus = list.oneOf<ApartmentUnitStatus>('status', apartmentUnitStatuses);
  const layout = list.oneOf<ApartmentLayout>('layout', apartmentLayouts);
  const { page, pageSize } = list;
  const buildings = useQuery({ queryKey: ['apartments', 'buildings'], queryFn: fetchBuildings });
  const units = useQuery({ queryKey: ['apartments', 'units', { buildingId, unitStatus, layout, page, pageSize }], queryFn: () => fetchUnits({ buildingId, unitStatus, layout, page, pageSize }), placeholderData: keepPreviousData });
  if (buildings.isError) return <ErrorAlert message={String(buildings.error)} onRetry={() => void buildings.refetch()} />;
  const totals = buildings.data?.totals;
  const columns: TableColumnsType<ApartmentUnit> = [
    { key: 'building', title: t('apartments.columns.building'), render: (_, unit) => unit.buildingName },
    { key: 'number', title: t('apartments.columns.number'), render: (_, unit) => unit.number },
    { key: 'layout', title: t('apartments.columns.layout'), render: (_, unit) => t(`apartments.layouts.${unit.layout}`) },
    { key: 'area', title: t('apartments.columns.area'), render: (_, unit) => t('apartments.area', { value: unit.area }) },
    { key: 'rent', title: t('apartments.columns.rent'), render: (_, unit) => formatMoney(unit.monthlyRent) },
    { key: 'status', title: t('apartments.columns.status'), render: (_, unit) => <UnitStatusTag status={unit.status} /> },
    { key: 'tenant', title: t('apartments.columns.tenant'), render: (_, unit) => unit.tenant ?? t('common.none') },
    { key: 'furnished', title: t('apartments.columns.furnished'), responsive: ['xxl'], render: (_, unit) => (unit.furnished ? t('apartments.yes') : t('common.none')) },
  ];
  return (
    <Flex vertical gap={16}>
      {totals ? (
        <Row gutter={[16, 16]}>
          <Col xs={12} lg={6}><StatTile title={t('apartments.totals.units')} value={totals.units} /></Col>
          <Col xs={12} lg={6}><StatTile title={t('apartments.totals.occupied')} value={totals.occupied} /></Col>
          <Col xs={12} lg={6}><StatTile title={t('apartments.totals.vacant')} value={totals.vacant} /></Col>
          <Col xs={12} lg={6}><StatTile title={t('apartments.totals.occupancyRate')} value={Math.round(totals.occupancyRate * 1000) / 10} suffix="%" testId="occupancy-rate" /></Col>
        </Row>
      ) : null}
      <Card title={t('apartments.columns.building')}>
        <Table
          rowKey="id"
          pagination={false}
          dataSource={buildings.data?.items ?? []}
          loading={buildings.isLoading}
          data-testid="buildings-table"
          columns={[
            { key: 'name', title: t('apartments.columns.building'), render: (_, building) => building.name },
            { key: 'park', title: t('apartments.filters.building'), responsive: ['xxl'], render: (_, building) => building.address },
            { key: 'units', title: t('apartments.totals.units'), render: (_, building) => building.units },
            { key: 'occupied', title: t('apartments.totals.occupied'), render: (_, building) => building.occupied },
            { key: 'vacant', title: t('apartments.totals.vacant'), render: (_, building) => building.vacant },
            { key: 'rate', title: t('apartments.columns.occupancy'), render: (_, building) => percent(building.occupancyRate) },
          ]}
        />
      </Card>
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <FilterField label={t('apartments.filters.building')}>
            <Select allowClear value={buildingId} placeholder={t('apartments.filters.building')} style={{ width: 180 }} onChange={(value) => list.filter({ buildingId: value })}
              options={(buildings.data?.items ?? []).map((building) => ({ value: building.id, label: building.name }))} />
          </FilterField>
          <FilterField label={t('apartments.filters.status')}>
            <Select<ApartmentUnitStatus> allowClear value={unitStatus} placeholder={t('apartments.filters.status')} style={{ width: 160 }} onChange={(value) => list.filter({ status: value })}
              options={apartmentUnitStatuses.map((value) => ({ value, label: t(`apartments.unitStatuses.${value}`) }))} data-testid="unit-status-filter" />
          </FilterField>
          <FilterField label={t('apartments.filters.layout')}>
            <Select<ApartmentLayout> allowClear value={layout} placeholder={t('apartments.filters.layout')} style={{ width: 160 }} onChange={(value) => list.filter({ layout: value })}
              options={apartmentLayouts.map((value) => ({ value, label: t(`apartments.layouts.${value}`) }))} />
          </FilterField>
        </Flex>
        <ListTable<ApartmentUnit> list={list} query={units} columns={columns} data-testid="units-table" />
      </Card>
    </Flex>
  );
}

function UnitStatusTag({ status }: { status: ApartmentUnitStatus }) {
  const { t } = useTranslation();
  const colors: Record<ApartmentUnitStatus, string> = { vacant: 'green', reserved: 'blue', occupied: 'default', maintenance: 'orange' };
  return <Tag color={colors[status]}>{t(`apartments.unitStatuses.${status}`)}</Tag>;
}

function WaitingTab() {
  const { t } = useTranslation();
  const [allocating, setAllocating] = useState<ApartmentApplication | null>(null);
  const waiting = useQuery({ queryKey: ['apartments', 'waiting'], queryFn: fetchWaitingList });
  if (waiting.isError) return <ErrorAlert message={String(waiting.error)} onRetry={() => void waiting.refetch()} />;
  return (
    <Card>
      <Alert type="info" showIcon title={t('apartments.rule')} style={{ marginBottom: 16 }} />
      <Table
        rowKey="id"
        pagination={false}
        loading={waiting.isLoading}
        dataSource={waiting.data?.items ?? []}
        data-testid="waiting-table"
        columns={[
          { key: 'position', title: t('apartments.columns.position'), render: (_, item) => item.position },
          { key: 'talent', title: t('apartments.columns.talent'), render: (_, item) => <Link to={`/apartments/applications/${item.id}`}>{item.talent.name}</Link> },
          { key: 'tier', title: t('apartments.columns.tier'), render: (_, item) => item.talent.tier ?? t('apartments.noTier') },
          { key: 'layout', title: t('apartments.columns.layout'), render: (_, item) => (item.preferences.layout ? t(`apartments.layouts.${item.preferences.layout}`) : t('apartments.apply.any')) },
          { key: 'family', title: t('apartments.columns.familySize'), render: (_, item) => t('apartments.persons', { count: item.preferences.familySize }) },
          { key: 'submittedAt', title: t('apartments.columns.submittedAt'), render: (_, item) => formatDateTime(item.submittedAt) },
          { key: 'actions', title: t('apartments.columns.actions'), render: (_, item) => <Button size="small" onClick={() => setAllocating(item)} data-testid="allocate-open">{t('apartments.detail.allocate')}</Button> },
        ]}
      />
      {allocating ? <AllocateDialog application={allocating} onClose={() => setAllocating(null)} /> : null}
    </Card>
  );
}

type AllocateValues = { apartmentId: string; startDate: Dayjs; endDate: Dayjs };

/** Staff choose a vacant apartment and the term; if someone allocated it a moment earlier, the 409 says so. */
export function AllocateDialog({ application, onClose }: { application: { id: string; talent: { name: string } }; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AllocateValues>();
  const [error, setError] = useState<string | null>(null);
  const vacant = useQuery({ queryKey: ['apartments', 'units', 'vacant'], queryFn: () => fetchUnits({ unitStatus: 'vacant', page: 1, pageSize: 200 }) });
  const mutation = useMutation({
    mutationFn: (values: AllocateValues) => allocate({ applicationId: application.id, apartmentId: values.apartmentId, startDate: dayOf(values.startDate), endDate: dayOf(values.endDate) }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['apartments'] });
      void queryClient.invalidateQueries({ queryKey: ['apartment-application', application.id] });
      void message.success(t('apartments.allocate.done'));
      onClose();
    },
    onError: (caught) => {
      if (!isApiError(caught)) return setError(String(caught));
      if (caught.code === 'apartmentUnitTaken') void vacant.refetch();
      const unmatched = applyFieldErrors(form, caught.fields, ['apartmentId', 'startDate', 'endDate']);
      setError(caught.code === 'validation' && unmatched.length === 0 ? null : [caught.message, ...unmatched].join(' '));
    },
  });
  return (
    <Modal open title={`${t('apartments.allocate.title')} · ${application.talent.name}`} onCancel={onClose} onOk={() => form.submit()} okText={t('apartments.allocate.submit')} confirmLoading={mutation.isPending}>
      <Form<AllocateValues> form={form} layout="vertical" onFinish={(values) => (setError(null), mutation.mutate(values))}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="apartmentId" label={t('apartments.allocate.unit')} rules={[{ required: true }]}>
          <Select
            data-testid="allocate-unit"
            loading={vacant.isLoading}
            options={(vacant.data?.items ?? []).map((unit) => ({ value: unit.id, label: `${unit.buildingName} ${unit.number} · ${t(`apartments.layouts.${unit.layout}`)} · ${formatMoney(unit.monthlyRent)}` }))}
          />
        </Form.Item>
        <Form.Item name="startDate" label={t('apartments.allocate.start')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} data-testid="allocate-start" />
        </Form.Item>
        <Form.Item name="endDate" label={t('apartments.allocate.end')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} data-testid="allocate-end" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function LeasesTab() {
  const { t } = useTranslation();
  const list = useListPage();
  const leaseStatus = list.oneOf<LeaseStatus>('leaseStatus', leaseStatuses);
  const { page, pageSize } = list;
  const [acting, setActing] = useState<{ lease: Lease; action: LeaseAction } | null>(null);
  const leases = useQuery({ queryKey: ['apartments', 'leases', { leaseStatus, page, pageSize }], queryFn: () => fetchLeases({ leaseStatus, page, pageSize }), placeholderData: keepPreviousData });
  const columns: TableColumnsType<Lease> = [
    { key: 'unit', title: t('apartments.columns.number'), render: (_, lease) => `${lease.buildingName} ${lease.unitNumber}` },
    { key: 'talent', title: t('apartments.columns.tenant'), render: (_, lease) => <Link to={`/apartments/applications/${lease.applicationId}`}>{lease.talent.name}</Link> },
    { key: 'status', title: t('apartments.columns.status'), render: (_, lease) => t(`apartments.leaseStatuses.${lease.status}`) },
    { key: 'term', title: t('apartments.columns.term'), render: (_, lease) => `${lease.startDate} ~ ${lease.endDate}` },
    { key: 'moveIn', title: t('apartments.columns.moveIn'), render: (_, lease) => lease.moveInDate ?? t('common.none') },
    { key: 'renewals', title: t('apartments.columns.renewals'), responsive: ['xxl'], render: (_, lease) => lease.renewals },
    { key: 'actions', title: t('apartments.columns.actions'), render: (_, lease) => <LeaseActions lease={lease} onAct={(action) => setActing({ lease, action })} /> },
  ];
  return (
    <Card>
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <FilterField label={t('apartments.filters.leaseStatus')}>
          <Select<LeaseStatus> allowClear value={leaseStatus} placeholder={t('apartments.filters.leaseStatus')} style={{ width: 160 }} onChange={(value) => list.filter({ leaseStatus: value })}
            options={leaseStatuses.map((value) => ({ value, label: t(`apartments.leaseStatuses.${value}`) }))} />
        </FilterField>
      </Flex>
      <ListTable<Lease> list={list} query={leases} columns={columns} data-testid="leases-table" />
      {acting ? <LeaseDialog lease={acting.lease} action={acting.action} onClose={() => setActing(null)} /> : null}
    </Card>
  );
}

export type LeaseAction = 'moveIn' | 'renew' | 'moveOut';

export function LeaseActions({ lease, onAct }: { lease: Lease; onAct: (action: LeaseAction) => void }) {
  const { t } = useTranslation();
  if (lease.status === 'reserved') return <Button size="small" type="primary" onClick={() => onAct('moveIn')} data-testid="lease-move-in">{t('apartments.lease.moveIn')}</Button>;
  if (lease.status === 'active')
    return (
      <Flex gap={8}>
        <Button size="small" onClick={() => onAct('renew')} data-testid="lease-renew">{t('apartments.lease.renew')}</Button>
        <Button size="small" danger onClick={() => onAct('moveOut')} data-testid="lease-move-out">{t('apartments.lease.moveOut')}</Button>
      </Flex>
    );
  return <>{t('common.none')}</>;
}

type LeaseValues = { date: Dayjs; unitStatusAfter?: 'vacant' | 'maintenance' };

/** Move-in, renewal (a later end date) or move-out (the apartment back to vacant or to maintenance), with the version read. */
export function LeaseDialog({ lease, action, onClose }: { lease: Lease; action: LeaseAction; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<LeaseValues>();
  const [error, setError] = useState<string | null>(null);
  const field = action === 'moveIn' ? 'moveInDate' : action === 'renew' ? 'endDate' : 'moveOutDate';
  const mutation = useMutation({
    mutationFn: (values: LeaseValues) =>
      action === 'moveIn'
        ? moveIn(lease.id, { moveInDate: dayOf(values.date), version: lease.version })
        : action === 'renew'
          ? renew(lease.id, { endDate: dayOf(values.date), version: lease.version })
          : moveOut(lease.id, { moveOutDate: dayOf(values.date), unitStatusAfter: values.unitStatusAfter ?? 'vacant', version: lease.version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['apartments'] });
      void queryClient.invalidateQueries({ queryKey: ['apartment-application'] });
      void message.success(t('apartments.lease.done'));
      onClose();
    },
    onError: (caught) => {
      if (!isApiError(caught)) return setError(String(caught));
      const fields = Object.fromEntries(Object.entries(caught.fields).map(([key, text]) => [key === field ? 'date' : key, text]));
      const unmatched = applyFieldErrors(form, fields, ['date', 'unitStatusAfter']);
      setError(caught.code === 'validation' && unmatched.length === 0 ? null : [caught.message, ...unmatched].join(' '));
    },
  });
  return (
    <Modal open title={`${t(`apartments.lease.${action}`)} · ${lease.buildingName} ${lease.unitNumber}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={mutation.isPending}>
      <Form<LeaseValues> form={form} layout="vertical" initialValues={{ unitStatusAfter: 'vacant' }} onFinish={(values) => (setError(null), mutation.mutate(values))}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="date" label={action === 'renew' ? t('apartments.lease.newEnd') : t('apartments.lease.date')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} data-testid="lease-date" />
        </Form.Item>
        {action === 'moveOut' ? (
          <Form.Item name="unitStatusAfter" label={t('apartments.lease.after')}>
            <Select options={manualUnitStatuses.map((value) => ({ value, label: t(`apartments.unitStatuses.${value}`) }))} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

function ApplicationsTab() {
  const { t } = useTranslation();
  const list = useListPage();
  const { page, pageSize } = list;
  const applications = useQuery({ queryKey: ['apartments', 'applications', { page, pageSize }], queryFn: () => fetchApplications({ page, pageSize }), placeholderData: keepPreviousData });
  const columns: TableColumnsType<ApartmentApplication> = [
    { key: 'talent', title: t('apartments.columns.talent'), render: (_, item) => <Link to={`/apartments/applications/${item.id}`} data-testid="application-link">{item.talent.name}</Link> },
    { key: 'status', title: t('apartments.columns.status'), render: (_, item) => <CaseStatusTag status={item.status} /> },
    { key: 'position', title: t('apartments.columns.position'), render: (_, item) => item.position ?? t('common.none') },
    { key: 'layout', title: t('apartments.columns.layout'), render: (_, item) => (item.preferences.layout ? t(`apartments.layouts.${item.preferences.layout}`) : t('apartments.apply.any')) },
    { key: 'submittedAt', title: t('apartments.columns.submittedAt'), render: (_, item) => formatDateTime(item.submittedAt) },
  ];
  return (
    <Card>
      <ListTable<ApartmentApplication> list={list} query={applications} columns={columns} data-testid="applications-table" />
    </Card>
  );
}

// ——— a talent's own ———

type ApplyValues = { preferredLayout?: ApartmentLayout; familySize: number; applicationNote?: string };

function TalentView() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ApplyValues>();
  const [error, setError] = useState<string | null>(null);
  const eligibility = useQuery({ queryKey: ['apartments', 'eligibility'], queryFn: fetchEligibility });
  const mine = useQuery({ queryKey: ['apartments', 'mine'], queryFn: fetchMine });
  const mutation = useMutation({
    mutationFn: (values: ApplyValues) => applyForApartment({ preferredLayout: values.preferredLayout ?? null, preferredBuildingId: null, familySize: values.familySize, applicationNote: values.applicationNote?.trim() ?? '' } satisfies ApplyPayload),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['apartments'] });
      void message.success(t('apartments.apply.submitted'));
      void navigate(`/apartments/applications/${saved.id}`);
    },
    onError: (caught) => {
      if (!isApiError(caught)) return setError(String(caught));
      const unmatched = applyFieldErrors(form, caught.fields, ['preferredLayout', 'familySize', 'applicationNote']);
      setError(caught.code === 'validation' && unmatched.length === 0 ? null : [caught.message, ...unmatched].join(' '));
    },
  });
  if (eligibility.isLoading || mine.isLoading) return <CenteredSpin />;
  if (mine.isError || !mine.data) return <ErrorAlert message={String(mine.error)} onRetry={() => void mine.refetch()} />;
  const open = mine.data.applications.some((item) => item.status === 'inReview' || item.status === 'returned' || (item.status === 'approved' && !mine.data.leases.some((lease) => lease.applicationId === item.id && lease.status === 'ended')));
  const check = eligibility.data;
  return (
    <>
      <PageHeader title={t('apartments.title')} description={t('apartments.mineDescription')} />
      <Flex vertical gap={16}>
        <Alert type="info" showIcon title={t('apartments.rule')} data-testid="waiting-rule" />
        <Card title={t('apartments.mine.applications')} data-testid="my-applications">
          {mine.data.applications.length === 0 ? <Empty description={t('apartments.mine.none')} /> : null}
          {mine.data.applications.map((item) => (
            <Flex key={item.id} gap={12} align="center" wrap style={{ marginBottom: 8 }}>
              <Link to={`/apartments/applications/${item.id}`}>{formatDateTime(item.submittedAt)}</Link>
              <CaseStatusTag status={item.status} />
              {item.position ? <Typography.Text strong data-testid="my-position">{t('apartments.mine.position', { position: item.position, count: mine.data.waitingCount })}</Typography.Text> : null}
            </Flex>
          ))}
        </Card>
        <Card title={t('apartments.mine.leases')} data-testid="my-leases">
          {mine.data.leases.length === 0 ? <Empty description={t('apartments.mine.noLease')} /> : null}
          {mine.data.leases.map((lease) => (
            <Descriptions
              key={lease.id}
              column={{ xs: 1, lg: 3 }}
              items={[
                { key: 'unit', label: t('apartments.columns.number'), children: `${lease.buildingName} ${lease.unitNumber}` },
                { key: 'layout', label: t('apartments.columns.layout'), children: t(`apartments.layouts.${lease.layout}`) },
                { key: 'rent', label: t('apartments.columns.rent'), children: formatMoney(lease.monthlyRent) },
                { key: 'status', label: t('apartments.columns.status'), children: <span data-testid="my-lease-status">{t(`apartments.leaseStatuses.${lease.status}`)}</span> },
                { key: 'term', label: t('apartments.columns.term'), children: `${lease.startDate} ~ ${lease.endDate}` },
                { key: 'moveIn', label: t('apartments.columns.moveIn'), children: lease.moveInDate ?? t('common.none') },
              ]}
            />
          ))}
        </Card>
        {check ? (
          <Card title={t('apartments.eligibility.title', { policy: check.policy.title })} data-testid="apartment-eligibility">
            <Alert type={check.status === 'eligible' ? 'success' : 'warning'} showIcon title={t(`apartments.eligibility.${check.status}`)} style={{ marginBottom: 12 }} />
            <ExplanationTree node={check.explanation.trace} />
          </Card>
        ) : null}
        {!open ? (
          <Card title={t('apartments.apply.title')}>
            <Form<ApplyValues> form={form} name="apartment-apply" layout="vertical" initialValues={{ familySize: 1 }} onFinish={(values) => (setError(null), mutation.mutate(values))} style={{ maxWidth: 480 }}>
              {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="apply-error" /> : null}
              <Form.Item name="preferredLayout" label={t('apartments.apply.layout')}>
                <Select allowClear placeholder={t('apartments.apply.any')} options={apartmentLayouts.map((value) => ({ value, label: t(`apartments.layouts.${value}`) }))} data-testid="apply-layout" />
              </Form.Item>
              <Form.Item name="familySize" label={t('apartments.apply.familySize')} rules={[{ required: true }]}>
                <InputNumber min={1} max={8} precision={0} data-testid="apply-family" />
              </Form.Item>
              <Form.Item name="applicationNote" label={t('apartments.apply.note')}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="apply-submit">{t('apartments.apply.submit')}</Button>
            </Form>
          </Card>
        ) : null}
      </Flex>
    </>
  );
}
