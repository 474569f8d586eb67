import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Progress, Select, Space, Tag, type ButtonProps, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { campaignInput, campaignStages, campaignTypes, type CampaignStage, type CampaignType } from '../../../domain/demands';
import { can } from '../../../domain/permissions';
import { FilterField } from '../../ui/FilterField';
import { FormErrorAlert } from '../../ui/FormDrawer';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { useFormSave } from '../../ui/use-form-save';
import { useListPage } from '../../ui/use-list-page';
import { safeParseLikeServer } from '../../ui/zod-form';
import { useCurrentUser } from '../auth/RequireSession';
import { fetchDictionaries } from '../demands/demands.api';
import { createCampaign, fetchCampaigns, type CampaignItem, type CampaignPayload } from './campaigns.api';

export const campaignTypeColours: Record<CampaignType, string> = { campusRecruitment: 'blue', urgentTalent: 'volcano', marketSelection: 'purple', openRecruitment: 'cyan' };

/** The stages a new campaign of each type starts with (the office may change them). */
const defaultStages: Record<CampaignType, CampaignStage[]> = {
  campusRecruitment: ['registration', 'qualification', 'writtenExam', 'interview', 'medical', 'inspection', 'publicity', 'offer'],
  urgentTalent: ['registration', 'qualification', 'interview', 'inspection', 'publicity', 'offer'],
  marketSelection: ['registration', 'qualification', 'interview', 'inspection', 'publicity', 'offer'],
  openRecruitment: ['registration', 'qualification', 'writtenExam', 'interview', 'medical', 'publicity', 'offer'],
};

/** 招聘引才: the recruitment campaigns with their plan against hires; the office creates one. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const list = useListPage();
  const type = list.oneOf<CampaignType>('type', campaignTypes);
  const query = { type, page: list.page, pageSize: list.pageSize };
  const campaigns = useQuery({ queryKey: ['campaigns', query], queryFn: () => fetchCampaigns(query), placeholderData: keepPreviousData });
  const [creating, setCreating] = useState(false);
  const columns: TableColumnsType<CampaignItem> = [
    { key: 'name', title: t('campaigns.columns.name'), render: (_, item) => <Link to={`/campaigns/${item.id}`} data-testid="campaign-link">{item.name}</Link> },
    { key: 'type', title: t('campaigns.columns.type'), render: (_, item) => <Tag color={campaignTypeColours[item.type]}>{t(`campaigns.types.${item.type}`)}</Tag> },
    { key: 'year', title: t('campaigns.columns.year'), dataIndex: 'year' },
    { key: 'applicants', title: t('campaigns.columns.applicants'), dataIndex: 'applicants', align: 'right' },
    { key: 'plan', title: t('campaigns.columns.planVsHired'), render: (_, item) => `${item.hired} / ${item.planned}`, align: 'right' },
    { key: 'rate', title: t('campaigns.columns.rate'), render: (_, item) => <Progress percent={item.planned ? Math.round((item.hired / item.planned) * 100) : 0} size="small" style={{ width: 120 }} aria-label={t('campaigns.columns.rate')} /> },
  ];
  return (
    <>
      <PageHeader
        title={t('campaigns.title')}
        description={t('campaigns.description')}
        extra={can(user.roles, 'campaigns.manage') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="campaign-create">{t('campaigns.create')}</Button> : undefined}
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <FilterField label={t('campaigns.columns.type')}>
            <Select<CampaignType>
              allowClear
              value={type}
              placeholder={t('campaigns.columns.type')}
              onChange={(value) => list.filter({ type: value })}
              options={campaignTypes.map((value) => ({ value, label: t(`campaigns.types.${value}`) }))}
              style={{ width: 200 }}
            />
          </FilterField>
        </Space>
        <ListTable<CampaignItem> list={list} query={campaigns} columns={columns} data-testid="campaigns-table" />
      </Card>
      {creating ? <CampaignDialog onClose={() => setCreating(false)} /> : null}
    </>
  );
}

type CampaignValues = { type?: CampaignType; name?: string; year?: number; stages?: CampaignStage[]; plan?: { discipline?: string; planned?: number }[] };

function payloadOf(values: CampaignValues): CampaignPayload {
  const chosen = new Set(values.stages ?? []);
  return {
    type: values.type as CampaignType,
    name: values.name ?? '',
    year: values.year as number,
    stages: campaignStages.filter((stage) => chosen.has(stage)),
    plan: (values.plan ?? []).filter((line) => line.discipline || line.planned).map((line) => ({ discipline: line.discipline ?? '', planned: line.planned as number })),
  };
}

/** A new campaign: type, name, year, its stages (in their natural order, ending with 录用), the plan by discipline. */
function CampaignDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const dictionaries = useQuery({ queryKey: ['demand-dictionaries'], queryFn: fetchDictionaries, staleTime: Infinity });
  const [form] = Form.useForm<CampaignValues>();
  const save = useFormSave(form, ['type', 'name', 'year', 'stages', 'plan', 'plan.*.discipline', 'plan.*.planned']);
  const create = useMutation({
    mutationFn: (values: CampaignValues) => createCampaign(payloadOf(values)),
    onSuccess: (campaign) => {
      void message.success(t('campaigns.created', { name: campaign.name }));
      void queryClient.invalidateQueries({ queryKey: ['campaigns'] });
      navigate(`/campaigns/${campaign.id}`);
    },
    onError: save.refused,
  });
  const handleSubmit = async () => {
    const values = await save.check((checked) => safeParseLikeServer(campaignInput, payloadOf(checked)));
    if (values) create.mutate(values);
  };
  return (
    <Modal open title={t('campaigns.create')} onCancel={onClose} onOk={() => void handleSubmit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={create.isPending} width={720} okButtonProps={{ 'data-testid': 'campaign-save' } as ButtonProps}>
      <Form<CampaignValues>
        form={form}
        name="campaign"
        layout="vertical"
        initialValues={{ type: 'campusRecruitment', year: new Date().getFullYear(), stages: defaultStages.campusRecruitment, plan: [{}] }}
        onValuesChange={(changed: CampaignValues) => {
          if (changed.type) form.setFieldsValue({ stages: defaultStages[changed.type] });
        }}
      >
        <FormErrorAlert save={save} testId="campaign-error" />
        <Space wrap size="large">
          <Form.Item name="type" label={t('campaigns.columns.type')} required>
            <Select style={{ width: 220 }} options={campaignTypes.map((value) => ({ value, label: t(`campaigns.types.${value}`) }))} data-testid="campaign-type" />
          </Form.Item>
          <Form.Item name="year" label={t('campaigns.columns.year')} required>
            <InputNumber min={2000} max={2100} precision={0} />
          </Form.Item>
        </Space>
        <Form.Item name="name" label={t('campaigns.columns.name')} required>
          <Input maxLength={80} data-testid="campaign-name" />
        </Form.Item>
        <Form.Item name="stages" label={t('campaigns.fields.stages')} extra={t('campaigns.fields.stagesHelp')} required>
          <Checkbox.Group options={campaignStages.map((stage) => ({ value: stage, label: t(`campaigns.stages.${stage}`) }))} data-testid="campaign-stages" />
        </Form.Item>
        <Form.Item label={t('campaigns.fields.plan')} extra={t('campaigns.fields.planHelp')}>
          <Form.List name="plan">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item name={[field.name, 'discipline']}>
                      <Select
                        style={{ width: 220 }}
                        placeholder={t('campaigns.fields.discipline')}
                        aria-label={`${t('campaigns.fields.discipline')} ${index + 1}`}
                        options={(dictionaries.data?.disciplines ?? []).map((entry) => ({ value: entry.code, label: english ? entry.nameEn : entry.name }))}
                        data-testid="campaign-plan-discipline"
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'planned']}>
                      <InputNumber min={1} max={10000} precision={0} placeholder={t('campaigns.fields.planned')} aria-label={`${t('campaigns.fields.planned')} ${index + 1}`} data-testid="campaign-plan-planned" />
                    </Form.Item>
                    <MinusCircleOutlined aria-label={t('campaigns.fields.removeLine')} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('campaigns.fields.addLine')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  );
}
