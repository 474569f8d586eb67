import { DeleteOutlined, DownloadOutlined, DownOutlined, FilterOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Dropdown, Flex, Form, Input, Modal, Row, Select, Space, Tag, Typography, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { arrivalRoutes, educationLevels, talentStatuses, titleLevels } from '../../../domain/dictionaries';
import { can } from '../../../domain/permissions';
import { exactNumberOf } from '../../../domain/talent';
import { isApiError } from '../../app/api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { SearchInput } from '../../ui/SearchInput';
import { useListPage } from '../../ui/use-list-page';
import { useCurrentUser } from '../auth/RequireSession';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { industryOptions, tierOptions, useReference } from '../reference/reference.api';
import { useSavedFilters } from './saved-filters';
import { TalentFormDrawer } from './TalentFormDrawer';
import { TalentTable } from './TalentTable';
import { exportTalents, fetchTalents, talentFilterKeys, talentSorts, type TalentFilters, type TalentSort } from './talents.api';
import { FilterField } from '../../ui/FilterField';

/** The address keys a saved filter keeps: the filters and the order, not the page. */
const savedKeys = [...talentFilterKeys, 'sort'] as const;

/** The talent registry (人才库): search, filters and order in the address (shareable, linkable from the home figures). */
export function TalentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const list = useListPage<TalentSort>({ sorts: talentSorts });
  const { searchParams, sort, page, pageSize } = list;
  const reference = useReference().data;
  const saved = useSavedFilters(user.id);
  const [saveForm] = Form.useForm<{ name: string }>();
  const [exportForm] = Form.useForm<{ reason: string }>();
  const [saveOpen, setSaveOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [createOpen, setCreateOpen] = useState(false);
  // a search for a full ID number or phone is an exact look-up: the office gives a reason, kept for that search only
  const [lookupForm] = Form.useForm<{ reason: string }>();
  const [lookup, setLookup] = useState<{ q: string; reason: string } | null>(null);
  const [lookupAsked, setLookupAsked] = useState<string | null>(null);

  const filters: TalentFilters = Object.fromEntries(talentFilterKeys.map((key) => [key, searchParams.get(key) ?? undefined]).filter(([, value]) => value));
  const [employerName, setEmployerName] = useState<string | null>(null);

  const exactQuery = exactNumberOf(filters.q) !== null;
  const lookupReason = exactQuery && lookup && lookup.q === filters.q ? lookup.reason : undefined;
  const canLookUp = user.roles.includes('office');
  const talents = useQuery({
    queryKey: ['talents', { ...filters, sort, page, pageSize, lookupReason }],
    queryFn: () => fetchTalents({ ...filters, sort, page, pageSize, lookupReason }),
    placeholderData: keepPreviousData,
    // each exact look-up is audited and counted: it runs once, when asked, never again by itself
    enabled: !exactQuery || (canLookUp && lookupReason !== undefined),
    ...(exactQuery ? { staleTime: Infinity, refetchOnWindowFocus: false, refetchOnReconnect: false } : {}),
  });

  const handleSearch = (value: string | undefined) => {
    if (value && exactNumberOf(value) && canLookUp && lookup?.q !== value.trim()) {
      lookupForm.resetFields();
      setLookupAsked(value.trim());
      return;
    }
    list.filter({ q: value, sort: undefined });
  };

  const handleLookup = ({ reason }: { reason: string }) => {
    if (!lookupAsked) return;
    setLookup({ q: lookupAsked, reason: reason.trim() });
    setLookupAsked(null);
    list.filter({ q: lookupAsked, sort: undefined });
  };

  const setFilter = (key: string, value: string | undefined) => list.filter({ [key]: value });

  const seesAll = user.roles.some((role) => role === 'office' || role === 'leader' || role === 'department');
  const canCreate = can(user.roles, 'talents.create');
  const canExport = can(user.roles, 'talents.export');
  const canExportFull = can(user.roles, 'talents.reveal');
  const hasFilters = talentFilterKeys.some((key) => filters[key]);

  const currentQuery = () => {
    const query = new URLSearchParams();
    for (const key of savedKeys) {
      const value = searchParams.get(key);
      if (value) query.set(key, value);
    }
    return query.toString();
  };

  const handleApplySaved = (query: string) => list.replace(new URLSearchParams(query));

  const handleOpenSave = () => {
    if (!currentQuery()) return void message.info(t('talents.saved.nothingToSave'));
    saveForm.resetFields();
    setSaveOpen(true);
  };

  const handleSave = ({ name }: { name: string }) => {
    saved.save(name.trim(), currentQuery());
    setSaveOpen(false);
    void message.success(t('talents.saved.savedDone', { name: name.trim() }));
  };

  const handleClear = () => list.clear(['pageSize']);

  const runExport = async (reason?: string) => {
    setExporting(true);
    try {
      const file = await exportTalents({ ...filters, sort, lookupReason }, t('talents.export.fileName'), reason ? { reason } : undefined);
      void message.success(t('talents.export.done', { file }));
      setExportOpen(false);
    } catch (error) {
      void message.error(isApiError(error) ? error.message : String(error));
    } finally {
      setExporting(false);
    }
  };

  const savedMenu: MenuProps = {
    items: [
      ...(saved.filters.length
        ? saved.filters.map((entry) => ({
            key: `apply:${entry.name}`,
            label: (
              <Flex justify="space-between" align="center" gap={16}>
                <span>{entry.name}</span>
                <Button
                  type="text"
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={t('talents.saved.remove', { name: entry.name })}
                  onClick={(event) => {
                    event.stopPropagation();
                    saved.remove(entry.name);
                    void message.success(t('talents.saved.removed', { name: entry.name }));
                  }}
                />
              </Flex>
            ),
          }))
        : [{ key: 'empty', label: t('talents.saved.empty'), disabled: true }]),
      { type: 'divider' as const },
      { key: 'save', icon: <SaveOutlined />, label: t('talents.saved.save') },
    ],
    onClick: ({ key }) => {
      if (key === 'save') handleOpenSave();
      else if (key.startsWith('apply:')) {
        const entry = saved.filters.find((candidate) => candidate.name === key.slice('apply:'.length));
        if (entry) handleApplySaved(entry.query);
      }
    },
  };

  const exportButton = canExportFull ? (
    <Space.Compact>
      <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void runExport()} data-testid="talents-export">
        {t('talents.export.button')}
      </Button>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [{ key: 'full', label: t('talents.export.full') }],
          onClick: () => {
            exportForm.resetFields();
            setExportOpen(true);
          },
        }}
      >
        <Button icon={<DownOutlined />} aria-label={t('talents.export.full')} data-testid="talents-export-more" />
      </Dropdown>
    </Space.Compact>
  ) : (
    <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void runExport()} data-testid="talents-export">
      {t('talents.export.button')}
    </Button>
  );

  const selectStyle = { width: '100%' };
  const educationOptions = educationLevels.map((value) => ({ value, label: t(`dictionaries.educationLevels.${value}`) }));
  const titleOptions = titleLevels.map((value) => ({ value, label: t(`dictionaries.titleLevels.${value}`) }));
  const statusOptions = talentStatuses.map((value) => ({ value, label: t(`talentStatuses.${value}`) }));
  const routeOptions = arrivalRoutes.map((value) => ({ value, label: t(`arrivalRoutes.${value}`) }));
  const employerCurrent = filters.employer
    ? { id: filters.employer, name: employerName ?? talents.data?.items.find((item) => item.employer?.id === filters.employer)?.employer?.name ?? filters.employer }
    : null;

  return (
    <>
      <PageHeader
        title={t('talents.title')}
        description={seesAll ? t('talents.description') : t('talents.descriptionOwn')}
        extra={
          <Space wrap>
            <Dropdown menu={savedMenu} trigger={['click']}>
              <Button icon={<FilterOutlined />} data-testid="saved-filters">
                {t('talents.saved.button')} <DownOutlined style={{ fontSize: 10 }} />
              </Button>
            </Dropdown>
            {canExport ? exportButton : null}
            {canCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreateOpen(true)} data-testid="create-talent">
                {t('talents.create')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card>
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }} align="bottom">
          <Col xs={24} xl={12}>
            <SearchInput
              value={filters.q}
              placeholder={t('talents.searchPlaceholder')}
              onSearch={handleSearch}
              data-testid="talents-search"
            />
          </Col>
          <Col xs={12} sm={8} xl={4}>
            <FilterField label={t('talents.filters.industry')}>
                <Select allowClear value={filters.industry} placeholder={t('talents.filters.industry')} aria-label={t('talents.filters.industry')} options={industryOptions(reference, filters.industry)} onChange={(value?: string) => setFilter('industry', value)} style={selectStyle} data-testid="filter-industry" />
            </FilterField>
          </Col>
          <Col xs={12} sm={8} xl={4}>
            <FilterField label={t('talents.filters.education')}>
                <Select allowClear value={filters.education} placeholder={t('talents.filters.education')} aria-label={t('talents.filters.education')} options={educationOptions} onChange={(value?: string) => setFilter('education', value)} style={selectStyle} data-testid="filter-education" />
            </FilterField>
          </Col>
          <Col xs={12} sm={8} xl={4}>
            <FilterField label={t('talents.filters.title')}>
                <Select allowClear value={filters.title} placeholder={t('talents.filters.title')} aria-label={t('talents.filters.title')} options={titleOptions} onChange={(value?: string) => setFilter('title', value)} style={selectStyle} data-testid="filter-title" />
            </FilterField>
          </Col>
          <Col xs={12} sm={8} xl={4}>
            <FilterField label={t('talents.filters.tier')}>
                <Select allowClear value={filters.tier} placeholder={t('talents.filters.tier')} aria-label={t('talents.filters.tier')} options={tierOptions(reference)} onChange={(value?: string) => setFilter('tier', value)} style={selectStyle} data-testid="filter-tier" />
            </FilterField>
          </Col>
          <Col xs={12} sm={8} xl={4}>
            <FilterField label={t('talents.filters.status')}>
                <Select allowClear value={filters.status} placeholder={t('talents.filters.status')} aria-label={t('talents.filters.status')} options={statusOptions} onChange={(value?: string) => setFilter('status', value)} style={selectStyle} data-testid="filter-status" />
            </FilterField>
          </Col>
          <Col xs={12} sm={8} xl={4}>
            <FilterField label={t('talents.filters.arrivalRoute')}>
                <Select allowClear value={filters.arrivalRoute} placeholder={t('talents.filters.arrivalRoute')} aria-label={t('talents.filters.arrivalRoute')} options={routeOptions} onChange={(value?: string) => setFilter('arrivalRoute', value)} style={selectStyle} data-testid="filter-arrival-route" />
            </FilterField>
          </Col>
          {seesAll ? (
            <Col xs={24} sm={16} xl={8}>
              <FilterField label={t('talents.filters.employer')}>
                  <EnterpriseSelect
                  value={filters.employer ?? null}
                  current={employerCurrent}
                  placeholder={t('talents.filters.employer')}
                  onChange={(value) => {
                    setEmployerName(null);
                    setFilter('employer', value ?? undefined);
                  }}
                  style={selectStyle}
                  testId="filter-employer"
                />
              </FilterField>
            </Col>
          ) : null}
        </Row>
        {hasFilters || sort ? (
          <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
            {filters.tag ? (
              <Tag closable onClose={() => setFilter('tag', undefined)} color="blue">
                {t('talents.filters.tag')}：{filters.tag}
              </Tag>
            ) : null}
            <Button size="small" type="link" onClick={handleClear} data-testid="clear-filters" style={{ paddingInline: 0 }}>
              {t('talents.filters.clear')}
            </Button>
          </Flex>
        ) : null}
        {talents.isError ? <ErrorAlert message={talents.error.message} retryLabel={t('common.retry')} onRetry={() => void talents.refetch()} /> : null}
        {exactQuery && !canLookUp ? <ErrorAlert message={t('talents.lookup.officeOnly')} /> : null}
        {exactQuery && canLookUp && lookupReason === undefined ? (
          <Flex justify="center" style={{ marginBottom: 16 }}>
            <Button onClick={() => handleSearch(filters.q)} data-testid="talents-lookup-ask">
              {t('talents.lookup.title')}
            </Button>
          </Flex>
        ) : null}
        <TalentTable
          items={talents.data?.items ?? []}
          total={talents.data?.total ?? 0}
          totalCapped={talents.data?.totalCapped}
          loading={talents.isFetching}
          page={page}
          pageSize={pageSize}
          sort={sort}
          onTagClick={(tag) => setFilter('tag', tag)}
          onChange={list.change}
        />
      </Card>

      <Modal
        open={saveOpen}
        title={t('talents.saved.saveTitle')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={() => saveForm.submit()}
        onCancel={() => setSaveOpen(false)}
        forceRender
      >
        <Form form={saveForm} name="save-filter" layout="vertical" onFinish={handleSave}>
          <Typography.Paragraph type="secondary">{t('talents.saved.help')}</Typography.Paragraph>
          <Form.Item name="name" label={t('talents.saved.name')} rules={[{ required: true, whitespace: true, message: t('talents.saved.nameRequired') }]}>
            <Input maxLength={40} placeholder={t('talents.saved.namePlaceholder')} autoComplete="off" />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={exportOpen}
        title={t('talents.export.fullTitle')}
        okText={t('talents.export.button')}
        cancelText={t('common.cancel')}
        confirmLoading={exporting}
        onOk={() => exportForm.submit()}
        onCancel={() => setExportOpen(false)}
        forceRender
      >
        <Form form={exportForm} name="export-full" layout="vertical" onFinish={({ reason }) => void runExport(reason.trim())}>
          <Typography.Paragraph type="secondary">{t('talents.export.reasonHelp')}</Typography.Paragraph>
          <Form.Item name="reason" label={t('talents.export.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('talents.export.reasonRequired') }]}>
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={lookupAsked !== null}
        title={t('talents.lookup.title')}
        okText={t('talents.lookup.submit')}
        cancelText={t('common.cancel')}
        onOk={() => lookupForm.submit()}
        onCancel={() => setLookupAsked(null)}
        forceRender
      >
        <Form form={lookupForm} name="talent-lookup" layout="vertical" onFinish={handleLookup}>
          <Typography.Paragraph type="secondary">{t('talents.lookup.help')}</Typography.Paragraph>
          <Form.Item name="reason" label={t('talents.lookup.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('talents.lookup.reasonRequired') }]}>
            <Input.TextArea rows={2} maxLength={200} data-testid="talents-lookup-reason" />
          </Form.Item>
        </Form>
      </Modal>

      <TalentFormDrawer open={createOpen} talent={null} onClose={() => setCreateOpen(false)} onSaved={(talent) => navigate(`/talents/${talent.id}`)} />
    </>
  );
}
