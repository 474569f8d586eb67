import { EditOutlined, IdcardOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Empty, Form, Input, List, Modal, Row, Select, Space, Spin, Tabs, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cardPrivilegeKinds, type CardStatus } from '../../../domain/talent-card/card';
import { can } from '../../../domain/permissions';
import { currentLanguage } from '../../app/i18n';
import { FilterField } from '../../ui/FilterField';
import { FormErrorAlert } from '../../ui/FormDrawer';
import { formatDate, formatDateTime } from '../../ui/format';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { SearchInput } from '../../ui/SearchInput';
import { useFormSave } from '../../ui/use-form-save';
import { useListPage } from '../../ui/use-list-page';
import { useCurrentUser } from '../auth/RequireSession';
import { useReference } from '../reference/reference.api';
import { TalentSelect } from '../talents/TalentSelect';
import { cardStatusColor } from './MyCardPage';
import {
  fetchCards, fetchPrivileges, issueAllCards, issueCard, revokeCard, savePrivileges, type CardPrivilege, type TalentCard, type TierPrivilege,
} from './talent-card.api';

const statuses: readonly CardStatus[] = ['active', 'lapsed', 'revoked'];
/** A new card is valid for three years unless the office picks another end. */
const defaultValidUntil = () => dayjs().add(3, 'year');

/** 人才卡管理: the zone's cards (issue, revoke) and each tier's green-channel privileges. */
export function CardsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const manages = can(user.roles, 'talentCard.manage');
  return (
    <>
      <PageHeader title={t('cards.title')} description={t('cards.description')} />
      <Tabs
        items={[
          { key: 'cards', label: t('cards.tabs.cards'), children: <CardList manages={manages} /> },
          { key: 'privileges', label: t('cards.tabs.privileges'), children: <TierPrivileges manages={manages} /> },
        ]}
      />
    </>
  );
}

function CardList({ manages }: { manages: boolean }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const list = useListPage();
  const q = list.param('q');
  const status = list.oneOf<CardStatus>('status', statuses);
  const query = { q, status, page: list.page, pageSize: list.pageSize };
  const cards = useQuery({ queryKey: ['talent-cards', query], queryFn: () => fetchCards(query), placeholderData: keepPreviousData });
  const [issuing, setIssuing] = useState(false);
  const [revoking, setRevoking] = useState<TalentCard | null>(null);
  const english = currentLanguage() === 'en-US';
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['talent-cards'] });

  const issueAll = useMutation({
    mutationFn: () => issueAllCards({ validUntil: defaultValidUntil().format('YYYY-MM-DD') }),
    onSuccess: ({ issued }) => {
      void message.success(t('cards.issuedAll', { count: issued }));
      refresh();
    },
    onError: (error) => void message.error(error.message),
  });

  const columns: TableColumnsType<TalentCard> = [
    { key: 'number', title: t('cards.columns.number'), dataIndex: 'number', render: (value: string) => <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{value}</span> },
    { key: 'holder', title: t('cards.columns.holder'), dataIndex: 'talentName', render: (name: string, card) => <Link to={`/talents/${card.talentId}`}>{name}</Link> },
    { key: 'tier', title: t('cards.columns.tier'), render: (_, card) => (english ? card.tierNameEn : card.tierName) },
    { key: 'validUntil', title: t('cards.columns.validUntil'), dataIndex: 'validUntil', render: (value: string) => formatDate(value) },
    { key: 'issuedAt', title: t('cards.columns.issuedAt'), dataIndex: 'issuedAt', render: (value: string) => formatDateTime(value).slice(0, 10) },
    { key: 'status', title: t('cards.columns.status'), dataIndex: 'status', render: (value: CardStatus) => <Tag color={cardStatusColor[value]}>{t(`card.status.${value}`)}</Tag> },
    ...(manages
      ? [
          {
            key: 'actions',
            title: t('cards.columns.actions'),
            render: (_: unknown, card: TalentCard) =>
              card.status === 'revoked' ? null : (
                <Button size="small" danger onClick={() => setRevoking(card)} data-testid="card-revoke">
                  {t('cards.revoke')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Card>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }} align="bottom">
        <Col xs={24} lg={10}>
          <SearchInput value={q} placeholder={t('cards.search')} onSearch={(value) => list.filter({ q: value })} data-testid="cards-search" />
        </Col>
        <Col xs={12} lg={5}>
          <FilterField label={t('cards.status')}>
            <Select
              allowClear
              value={status}
              placeholder={t('cards.status')}
              options={statuses.map((value) => ({ value, label: t(`card.status.${value}`) }))}
              onChange={(value?: string) => list.filter({ status: value })}
              style={{ width: '100%' }}
            />
          </FilterField>
        </Col>
        {manages ? (
          <Col flex="auto" style={{ textAlign: 'right' }}>
            <Space wrap>
              <Button
                icon={<IdcardOutlined />}
                loading={issueAll.isPending}
                onClick={() => void modal.confirm({ title: t('cards.issueAll'), content: t('cards.issueAllConfirm'), onOk: () => issueAll.mutateAsync() })}
                data-testid="cards-issue-all"
              >
                {t('cards.issueAll')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)} data-testid="cards-issue">
                {t('cards.issue')}
              </Button>
            </Space>
          </Col>
        ) : null}
      </Row>
      <ListTable<TalentCard> list={list} query={cards} columns={columns} />
      {issuing ? <IssueDialog onClose={() => setIssuing(false)} onDone={refresh} /> : null}
      {revoking ? <RevokeDialog card={revoking} onClose={() => setRevoking(null)} onDone={refresh} /> : null}
    </Card>
  );
}

function IssueDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ talentId: string; validUntil: dayjs.Dayjs }>();
  const save = useFormSave(form, ['talentId', 'validUntil']);
  const issue = useMutation({
    mutationFn: (values: { talentId: string; validUntil: dayjs.Dayjs }) => issueCard({ talentId: values.talentId, validUntil: values.validUntil.format('YYYY-MM-DD') }),
    onSuccess: (card) => {
      void message.success(t('cards.issued', { number: card.number }));
      onDone();
      onClose();
    },
    onError: save.refused,
  });
  return (
    <Modal open title={t('cards.issue')} onCancel={onClose} onOk={() => form.submit()} okText={t('cards.issue')} cancelText={t('common.cancel')} confirmLoading={issue.isPending}>
      <Form form={form} name="card-issue" layout="vertical" initialValues={{ validUntil: defaultValidUntil() }} onFinish={(values) => { save.reset(); issue.mutate(values); }}>
        <FormErrorAlert save={save} testId="card-issue-error" />
        <Form.Item name="talentId" label={t('cards.talent')} rules={[{ required: true, message: t('cardCheck.required') }]}>
          <TalentSelect inZone placeholder={t('cards.talentPlaceholder')} testId="card-talent" />
        </Form.Item>
        <Form.Item name="validUntil" label={t('cards.validUntil')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} disabledDate={(day) => day.isBefore(dayjs().add(1, 'day'), 'day') || day.isAfter(dayjs().add(5, 'year'), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RevokeDialog({ card, onClose, onDone }: { card: TalentCard; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const save = useFormSave(form, ['reason']);
  const revoke = useMutation({
    mutationFn: (values: { reason: string }) => revokeCard(card.id, { reason: values.reason.trim(), version: card.version }),
    onSuccess: () => {
      void message.success(t('cards.revoked'));
      onDone();
      onClose();
    },
    onError: save.refused,
  });
  return (
    <Modal
      open
      title={t('cards.revokeTitle', { number: card.number })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('cards.revoke')}
      okButtonProps={{ danger: true, 'data-testid': 'card-revoke-submit' }}
      cancelText={t('common.cancel')}
      confirmLoading={revoke.isPending}
    >
      <Form form={form} name="card-revoke" layout="vertical" onFinish={(values) => { save.reset(); revoke.mutate(values); }}>
        <FormErrorAlert save={save} testId="card-revoke-error" />
        <Form.Item name="reason" label={t('cards.revokeReason')} rules={[{ required: true, whitespace: true, message: t('cardCheck.required') }]}>
          <Input maxLength={200} data-testid="card-revoke-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TierPrivileges({ manages }: { manages: boolean }) {
  const { t } = useTranslation();
  const reference = useReference().data;
  const privileges = useQuery({ queryKey: ['talent-card', 'privileges'], queryFn: fetchPrivileges });
  const [editing, setEditing] = useState<string | null>(null);
  const english = currentLanguage() === 'en-US';
  if (privileges.isPending || !reference) return <Spin />;
  const of = (tier: string) => (privileges.data ?? []).filter((row) => row.tier === tier);
  return (
    <Row gutter={[16, 16]}>
      {reference.tiers.map((tier) => (
        <Col xs={24} lg={12} key={tier.code}>
          <Card
            title={english ? tier.nameEn : tier.name}
            extra={
              manages ? (
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(tier.code)} aria-label={`${t('cards.editPrivileges')} ${english ? tier.nameEn : tier.name}`}>
                  {t('cards.editPrivileges')}
                </Button>
              ) : null
            }
          >
            {of(tier.code).length ? (
              <List<TierPrivilege>
                size="small"
                dataSource={of(tier.code)}
                renderItem={(row) => (
                  <List.Item>
                    <List.Item.Meta title={t(`card.privilegeKinds.${row.kind}`)} description={english ? row.detailEn : row.detail} />
                  </List.Item>
                )}
              />
            ) : (
              <Empty description={t('card.noPrivileges')} />
            )}
          </Card>
        </Col>
      ))}
      {editing ? <PrivilegesDialog tier={editing} current={of(editing)} onClose={() => setEditing(null)} /> : null}
    </Row>
  );
}

function PrivilegesDialog({ tier, current, onClose }: { tier: string; current: CardPrivilege[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ privileges: CardPrivilege[] }>();
  const save = useFormSave(form, ['privileges']);
  const mutation = useMutation({
    mutationFn: (values: { privileges: CardPrivilege[] }) => savePrivileges(tier, values.privileges ?? []),
    onSuccess: () => {
      void message.success(t('cards.savedPrivileges'));
      void queryClient.invalidateQueries({ queryKey: ['talent-card'] });
      onClose();
    },
    onError: save.refused,
  });
  return (
    <Modal open width={760} title={t('cards.editPrivileges')} onCancel={onClose} onOk={() => form.submit()} okText={t('cards.savePrivileges')} cancelText={t('common.cancel')} confirmLoading={mutation.isPending}>
      <Form form={form} name="card-privileges" layout="vertical" initialValues={{ privileges: current.map(({ kind, detail, detailEn }) => ({ kind, detail, detailEn })) }} onFinish={(values) => { save.reset(); mutation.mutate(values); }}>
        <FormErrorAlert save={save} testId="card-privileges-error" />
        <Form.List name="privileges">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Row gutter={8} key={field.key} align="top">
                  <Col span={6}>
                    <Form.Item name={[field.name, 'kind']} label={t('cards.privilegeKind')} rules={[{ required: true }]}>
                      <Select options={cardPrivilegeKinds.map((kind) => ({ value: kind, label: t(`card.privilegeKinds.${kind}`) }))} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name={[field.name, 'detail']} label={t('cards.privilegeDetail')} rules={[{ required: true, whitespace: true }]}>
                      <Input.TextArea autoSize maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name={[field.name, 'detailEn']} label={t('cards.privilegeDetailEn')} rules={[{ required: true, whitespace: true }]}>
                      <Input.TextArea autoSize maxLength={300} />
                    </Form.Item>
                  </Col>
                  <Col span={2} style={{ paddingTop: 30 }}>
                    <Button size="small" danger onClick={() => remove(field.name)}>
                      {t('cards.removePrivilege')}
                    </Button>
                  </Col>
                </Row>
              ))}
              {fields.length < cardPrivilegeKinds.length ? (
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: cardPrivilegeKinds.find((kind) => !form.getFieldValue('privileges')?.some((row: CardPrivilege) => row?.kind === kind)), detail: '', detailEn: '' })}>
                  {t('cards.addPrivilege')}
                </Button>
              ) : null}
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
