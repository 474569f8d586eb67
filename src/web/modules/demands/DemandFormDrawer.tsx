import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { demandInput, demandUrgencies, type DemandInput, type DemandUrgency } from '../../../domain/demands';
import { chainSegments, educationLevels, salaryBands, titleLevels, type ChainSegment, type EducationLevel, type SalaryBand, type TitleLevel } from '../../../domain/dictionaries';
import { FormDrawer, FormErrorAlert } from '../../ui/FormDrawer';
import { useFormSave } from '../../ui/use-form-save';
import { safeParseLikeServer } from '../../ui/zod-form';
import { useCurrentUser } from '../auth/RequireSession';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { industryOptions, useReference } from '../reference/reference.api';
import { createDemand, fetchDictionaries, updateDemand, type DemandDetail } from './demands.api';

type DemandFormValues = {
  enterpriseId?: string | null;
  post?: string;
  industry?: string;
  chainSegment?: ChainSegment | null;
  discipline?: string;
  education?: EducationLevel | null;
  title?: TitleLevel | null;
  minYears?: number | null;
  skills?: string[];
  headcount?: number | null;
  salaryBand?: SalaryBand | null;
  urgency?: DemandUrgency;
  deadline?: Dayjs | null;
  description?: string;
};

const fieldNames = ['enterpriseId', 'post', 'industry', 'chainSegment', 'discipline', 'education', 'title', 'minYears', 'skills', 'skills.*', 'headcount', 'salaryBand', 'urgency', 'deadline', 'description'];

function payloadOf(values: DemandFormValues): Partial<DemandInput> {
  return {
    ...(values.enterpriseId ? { enterpriseId: values.enterpriseId } : {}),
    post: values.post ?? '',
    industry: values.industry ?? '',
    chainSegment: values.chainSegment ?? null,
    discipline: values.discipline ?? '',
    education: values.education ?? null,
    title: values.title ?? null,
    minYears: values.minYears ?? 0,
    skills: (values.skills ?? []).map((skill) => skill.trim()).filter(Boolean),
    headcount: values.headcount ?? undefined,
    salaryBand: values.salaryBand ?? null,
    urgency: values.urgency ?? 'normal',
    deadline: values.deadline ? values.deadline.format('YYYY-MM-DD') : null,
    description: values.description?.trim() ?? '',
  };
}

type DemandFormDrawerProps = { open: boolean; demand: DemandDetail | null; onClose: () => void; onSaved: (demand: DemandDetail) => void; onReload?: () => Promise<unknown> };

/**
 * Posts (enterprise HR for its own enterprise; the office names one) or edits a demand: post, chain segment,
 * discipline, education and title wanted, skills from the skill dictionary or free words, headcount, salary band,
 * urgency, deadline. Checked with the shared schema first; the server's field messages land on the fields.
 */
export function DemandFormDrawer({ open, demand, onClose, onSaved, onReload }: DemandFormDrawerProps) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const { message } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const reference = useReference().data;
  const dictionaries = useQuery({ queryKey: ['demand-dictionaries'], queryFn: fetchDictionaries, staleTime: Infinity });
  const [form] = Form.useForm<DemandFormValues>();
  const save = useFormSave(form, fieldNames);
  const editing = demand !== null;
  const namesEnterprise = !editing && user.roles.includes('office');
  const demandKey = demand ? `${demand.id}:${demand.version}` : null;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (demand) {
      form.setFieldsValue({
        post: demand.post, industry: demand.industry.code, chainSegment: demand.chainSegment, discipline: demand.discipline.code, education: demand.education, title: demand.title,
        minYears: demand.minYears, skills: demand.skills, headcount: demand.headcount, salaryBand: demand.salaryBand, urgency: demand.urgency,
        deadline: demand.deadline ? dayjs(demand.deadline) : null, description: demand.description,
      });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, demandKey, form]);

  const handleClose = () => {
    save.reset();
    onClose();
  };

  const mutation = useMutation({
    mutationFn: (values: DemandFormValues) => {
      const payload = payloadOf(values);
      if (!demand) return createDemand(payload);
      const { enterpriseId: _ignored, ...rest } = payload;
      return updateDemand(demand.id, { ...rest, version: demand.version });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(['demand', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['demands'] });
      void queryClient.invalidateQueries({ queryKey: ['demand-summary'] });
      void message.success(editing ? t('demands.form.updated') : t('demands.form.created', { post: saved.post }));
      save.reset();
      onSaved(saved);
    },
    onError: save.refused,
  });

  const handleSubmit = async () => {
    const values = await save.check((checked) => safeParseLikeServer(demandInput, payloadOf(checked)));
    if (values) mutation.mutate(values);
  };

  const named = (value: { name: string; nameEn: string }) => (english ? value.nameEn : value.name);
  const half = { xs: 24, sm: 12 };
  return (
    <FormDrawer
      open={open}
      onClose={handleClose}
      title={editing ? t('demands.form.editTitle', { post: demand.post }) : t('demands.form.createTitle')}
      width={680}
      saving={mutation.isPending}
      onSave={() => void handleSubmit()}
      saveTestId="demand-form-submit"
    >
      <Form<DemandFormValues> form={form} name="demand-form" layout="vertical" autoComplete="off" initialValues={{ urgency: 'normal', minYears: 0, skills: [] }} onFinish={() => void handleSubmit()}>
        <FormErrorAlert save={save} testId="demand-form-error" onReload={onReload} reloadLabel={t('demands.form.reload')} />
        <Row gutter={16}>
          {namesEnterprise ? (
            <Col xs={24}>
              <Form.Item name="enterpriseId" label={t('demands.columns.enterprise')} required>
                <EnterpriseSelect testId="demand-form-enterprise" />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24}>
            <Form.Item name="post" label={t('demands.columns.post')} required>
              <Input maxLength={60} data-testid="demand-form-post" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="industry" label={t('demands.form.industry')} required>
              <Select showSearch={{ optionFilterProp: 'label' }} options={industryOptions(reference, demand?.industry.code)} data-testid="demand-form-industry" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="chainSegment" label={t('demands.form.chainSegment')}>
              <Select allowClear options={chainSegments.map((value) => ({ value, label: t(`dictionaries.chainSegments.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="discipline" label={t('demands.columns.discipline')} required>
              <Select showSearch={{ optionFilterProp: 'label' }} options={(dictionaries.data?.disciplines ?? []).map((entry) => ({ value: entry.code, label: named(entry) }))} data-testid="demand-form-discipline" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="headcount" label={t('demands.form.headcount')} required>
              <InputNumber min={1} max={500} precision={0} style={{ width: '100%' }} data-testid="demand-form-headcount" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="education" label={t('demands.detail.education')}>
              <Select allowClear placeholder={t('demands.detail.anyEducation')} options={educationLevels.map((value) => ({ value, label: t(`dictionaries.educationLevels.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="title" label={t('demands.form.title')}>
              <Select allowClear placeholder={t('demands.detail.anyEducation')} options={titleLevels.map((value) => ({ value, label: t(`dictionaries.titleLevels.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="minYears" label={t('demands.detail.minYears')}>
              <InputNumber min={0} max={40} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="salaryBand" label={t('demands.form.salaryBand')}>
              <Select allowClear options={salaryBands.map((value) => ({ value, label: t(`dictionaries.salaryBands.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="skills" label={t('demands.detail.skills')} extra={t('demands.form.skillsHelp')}>
              <Select
                mode="tags"
                maxCount={20}
                tokenSeparators={[',', '，', '、']}
                options={(dictionaries.data?.skills ?? []).map((skill) => ({ value: skill.name, label: english ? `${skill.name} (${skill.nameEn})` : skill.name }))}
                data-testid="demand-form-skills"
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="urgency" label={t('demands.columns.urgency')}>
              <Select options={demandUrgencies.map((value) => ({ value, label: t(`demands.urgencies.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="deadline" label={t('demands.columns.deadline')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="description" label={t('demands.form.description')}>
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDrawer>
  );
}
