import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Modal, Radio, Space, Table, Tag, Tooltip, Upload, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { CenteredSpin } from '../../ui/CenteredSpin';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormErrorAlert } from '../../ui/FormDrawer';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { useFormSave } from '../../ui/use-form-save';
import { TalentSelect } from '../talents/TalentSelect';
import { addSession, assess, certify, enrol, fetchClass, importTrainees, place, saveAttendance, type Enrolment, type TrainingClassDetail } from './training.api';

const today = () => dayjs().format('YYYY-MM-DD');

/** One class: sessions with attendance, trainees with assessment, certificate and placement (the office runs them). */
export function TrainingClassPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: ['training-class', id], queryFn: () => fetchClass(id) });
  const [enrolling, setEnrolling] = useState(false);
  const [addingSession, setAddingSession] = useState(false);
  const [attendanceOf, setAttendanceOf] = useState<TrainingClassDetail['sessions'][number] | null>(null);
  const [assessing, setAssessing] = useState<Enrolment | null>(null);
  const updated = (next: TrainingClassDetail) => {
    queryClient.setQueryData(['training-class', id], next);
    void queryClient.invalidateQueries({ queryKey: ['training-classes'] });
    void queryClient.invalidateQueries({ queryKey: ['training-orders'] });
    void queryClient.invalidateQueries({ queryKey: ['training-order'] });
  };
  const act = useMutation({
    mutationFn: (run: () => Promise<TrainingClassDetail>) => run(),
    onSuccess: (next) => {
      updated(next);
      void message.success(t('training.class.saved'));
    },
    onError: (error) => void message.error(error.message),
  });
  const sheet = useMutation({
    mutationFn: (file: File) => importTrainees(id, file),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ['training-class', id] });
      void message.success(t('training.class.imported', result));
    },
    // a refused sheet names its rows: every message, one per line
    onError: (error) => void modal.error({ title: t('training.class.importFailed'), content: <div style={{ whiteSpace: 'pre-line' }}>{isApiError(error) && Object.keys(error.fields).length ? Object.values(error.fields).join('\n') : error.message}</div> }),
  });
  if (detail.isError) return <ErrorAlert message={detail.error.message} retryLabel={t('common.retry')} onRetry={() => void detail.refetch()} />;
  if (!detail.data) return <CenteredSpin />;
  const data = detail.data;
  const manage = data.permissions.manage && data.status === 'open';
  const enterpriseName = data.enterprise?.name ?? '';

  const columns: TableColumnsType<Enrolment> = [
    { key: 'name', title: t('training.class.name'), render: (_, row) => <Link to={`/talents/${row.talent.id}`}>{row.talent.name}</Link> },
    { key: 'attended', title: t('training.class.attended'), render: (_, row) => `${row.attended} / ${row.sessions}`, align: 'right' },
    {
      key: 'assessment', title: t('training.class.assessment'),
      render: (_, row) => (row.assessmentPassed === null ? t('common.none') : <Tag color={row.assessmentPassed ? 'green' : 'red'}>{`${row.assessmentScore} · ${row.assessmentPassed ? t('training.class.passed') : t('training.class.failed')}`}</Tag>),
    },
    { key: 'certificate', title: t('training.class.certificate'), render: (_, row) => (row.certificateNumber ? `${row.certificateNumber}（${formatDate(row.certificateIssuedOn)}）` : t('common.none')) },
    {
      key: 'placement', title: t('training.class.placement'),
      render: (_, row) => (row.placedOn && row.placedEnterprise ? t('training.class.placedAt', { date: formatDate(row.placedOn), enterprise: row.placedEnterprise.name }) : t('common.none')),
    },
    ...(data.permissions.manage
      ? [{
          key: 'actions',
          title: t('common.actions'),
          render: (_: unknown, row: Enrolment) => (
            <Space size="small" wrap>
              {!row.certificateIssuedOn ? (
                <Button size="small" onClick={() => setAssessing(row)} data-testid="trainee-assess">{t('training.class.assess')}</Button>
              ) : null}
              {row.assessmentPassed && !row.certificateIssuedOn ? (
                <Button
                  size="small"
                  data-testid="trainee-certify"
                  onClick={() => void modal.confirm({
                    title: t('training.class.certify'),
                    content: t('training.class.certifyConfirm', { name: row.talent.name, certificate: data.certificateName ?? data.skill }),
                    onOk: () => act.mutateAsync(() => certify(row.id, { issuedOn: today(), version: row.version })),
                  })}
                >
                  {t('training.class.certify')}
                </Button>
              ) : null}
              {data.enterprise && !row.placedOn ? (
                <Button
                  size="small"
                  data-testid="trainee-place"
                  onClick={() => void modal.confirm({
                    title: t('training.class.place'),
                    content: t('training.class.placeConfirm', { name: row.talent.name, enterprise: enterpriseName }),
                    onOk: () => act.mutateAsync(() => place(row.id, { placedOn: today(), version: row.version })),
                  })}
                >
                  {t('training.class.place')}
                </Button>
              ) : null}
            </Space>
          ),
        }]
      : []),
  ];

  return (
    <>
      <PageHeader title={data.name} extra={<Tag color={data.status === 'open' ? 'blue' : 'default'}>{t(`training.classStatus.${data.status}`)}</Tag>} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('training.fields.kind')}>{t(`training.kinds.${data.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('training.fields.provider')}>{data.provider.name}</Descriptions.Item>
          <Descriptions.Item label={t('training.fields.classEnterprise')}>{data.enterprise?.name ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('training.fields.theme')}>{data.skill}</Descriptions.Item>
          <Descriptions.Item label={t('training.fields.certificateName')}>
            {data.certificateName ? `${data.certificateName}${data.certificateLevel ? `（${t(`training.certificateLevels.${String(data.certificateLevel) as '1'}`)}）` : ''}` : t('common.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.columns.period')}>{`${formatDate(data.startsOn)} – ${formatDate(data.endsOn)}`}</Descriptions.Item>
          {data.order ? (
            <Descriptions.Item label={t('training.class.order')}>
              <Link to={`/training/orders/${data.order.id}`}>{`${data.order.skill} × ${data.order.headcount}`}</Link>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card
        title={t('training.class.trainees')}
        style={{ marginBottom: 16 }}
        extra={
          manage ? (
            <Space wrap>
              <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => { sheet.mutate(file); return false; }}>
                <Tooltip title={t('training.class.importHint')}>
                  <Button icon={<UploadOutlined />} loading={sheet.isPending} data-testid="class-import">{t('training.class.importSheet')}</Button>
                </Tooltip>
              </Upload>
              <Button icon={<PlusOutlined />} onClick={() => setEnrolling(true)} data-testid="class-enrol">{t('training.class.enrol')}</Button>
            </Space>
          ) : null
        }
      >
        {data.enrolments.length ? (
          <Table<Enrolment> rowKey="id" size="middle" columns={columns} dataSource={data.enrolments} pagination={data.enrolments.length > 20 ? { pageSize: 20, showSizeChanger: false } : false} scroll={{ x: 'max-content' }} />
        ) : (
          <Empty description={t('training.class.noTrainees')} />
        )}
      </Card>
      <Card
        title={t('training.class.sessions')}
        extra={manage ? <Button icon={<PlusOutlined />} onClick={() => setAddingSession(true)} data-testid="class-add-session">{t('training.class.addSession')}</Button> : null}
      >
        {data.sessions.length ? (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.sessions}
            columns={[
              { key: 'heldOn', title: t('training.class.heldOn'), render: (_, session) => formatDate(session.heldOn) },
              { key: 'topic', title: t('training.class.topic'), dataIndex: 'topic' },
              { key: 'lecturer', title: t('training.class.lecturer'), dataIndex: 'lecturer' },
              { key: 'present', title: t('training.class.attendance'), render: (_, session) => t('training.class.present', { count: session.present.length }) },
              ...(manage
                ? [{ key: 'actions', title: t('common.actions'), render: (_: unknown, session: TrainingClassDetail['sessions'][number]) => <Button size="small" onClick={() => setAttendanceOf(session)} data-testid="session-attendance">{t('training.class.attendance')}</Button> }]
                : []),
            ]}
          />
        ) : (
          <Empty description={t('training.class.noSessions')} />
        )}
      </Card>
      {enrolling ? <EnrolDialog classId={id} onClose={() => setEnrolling(false)} onDone={updated} /> : null}
      {addingSession ? <SessionDialog classId={id} onClose={() => setAddingSession(false)} onDone={updated} /> : null}
      {attendanceOf ? <AttendanceDialog data={data} session={attendanceOf} onClose={() => setAttendanceOf(null)} onDone={updated} /> : null}
      {assessing ? <AssessDialog enrolment={assessing} onClose={() => setAssessing(null)} onDone={updated} /> : null}
    </>
  );
}

type EnrolValues = { source: 'registry' | 'new'; talentId?: string; name?: string; idNumber?: string; phone?: string };

function EnrolDialog({ classId, onClose, onDone }: { classId: string; onClose: () => void; onDone: (next: TrainingClassDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EnrolValues>();
  const source = Form.useWatch('source', form) ?? 'registry';
  const save = useFormSave(form, ['talentId', 'newTalent.name', 'newTalent.idNumber', 'newTalent.phone']);
  const submit = useMutation({
    mutationFn: (values: EnrolValues) =>
      enrol(classId, values.source === 'registry' ? { talentId: values.talentId } : { newTalent: { name: values.name ?? '', idNumber: values.idNumber ?? '', phone: values.phone || undefined, arrivalRoute: 'localTraining' } }),
    onSuccess: (next) => {
      onDone(next);
      onClose();
    },
    onError: save.refused,
  });
  return (
    <Modal open title={t('training.class.enrol')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={submit.isPending}>
      <Form form={form} name="training-enrol" layout="vertical" initialValues={{ source: 'registry' }} onFinish={(values) => { save.reset(); submit.mutate(values); }}>
        <FormErrorAlert save={save} testId="enrol-error" />
        <Form.Item name="source">
          <Radio.Group options={[{ value: 'registry', label: t('training.class.enrolFromRegistry') }, { value: 'new', label: t('training.class.enrolNew') }]} />
        </Form.Item>
        {source === 'registry' ? (
          <Form.Item name="talentId" label={t('training.class.talent')} rules={[{ required: true }]}>
            <TalentSelect placeholder={t('training.class.talentPlaceholder')} testId="enrol-talent" />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="name" label={t('training.class.name')} rules={[{ required: true }]}>
              <Input maxLength={40} data-testid="enrol-name" />
            </Form.Item>
            <Form.Item name="idNumber" label={t('training.class.idNumber')} rules={[{ required: true }]}>
              <Input maxLength={18} data-testid="enrol-id-number" />
            </Form.Item>
            <Form.Item name="phone" label={t('training.class.phone')}>
              <Input maxLength={20} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

function SessionDialog({ classId, onClose, onDone }: { classId: string; onClose: () => void; onDone: (next: TrainingClassDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ heldOn: dayjs.Dayjs; topic: string; lecturer?: string }>();
  const save = useFormSave(form, ['heldOn', 'topic', 'lecturer']);
  const submit = useMutation({
    mutationFn: (values: { heldOn: dayjs.Dayjs; topic: string; lecturer?: string }) => addSession(classId, { heldOn: values.heldOn.format('YYYY-MM-DD'), topic: values.topic, lecturer: values.lecturer ?? '' }),
    onSuccess: (next) => {
      onDone(next);
      onClose();
    },
    onError: save.refused,
  });
  return (
    <Modal open title={t('training.class.addSession')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={submit.isPending}>
      <Form form={form} name="training-session" layout="vertical" initialValues={{ heldOn: dayjs() }} onFinish={(values) => { save.reset(); submit.mutate(values); }}>
        <FormErrorAlert save={save} testId="session-error" />
        <Form.Item name="heldOn" label={t('training.class.heldOn')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="topic" label={t('training.class.topic')} rules={[{ required: true }]}>
          <Input maxLength={120} data-testid="session-topic" />
        </Form.Item>
        <Form.Item name="lecturer" label={t('training.class.lecturer')}>
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AttendanceDialog({ data, session, onClose, onDone }: { data: TrainingClassDetail; session: TrainingClassDetail['sessions'][number]; onClose: () => void; onDone: (next: TrainingClassDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [present, setPresent] = useState<string[]>(session.present);
  const submit = useMutation({
    mutationFn: () => saveAttendance(data.id, session.id, present),
    onSuccess: (next) => {
      onDone(next);
      onClose();
    },
    onError: (error) => void message.error(error.message),
  });
  return (
    <Modal open title={t('training.class.attendanceOf', { topic: session.topic, date: formatDate(session.heldOn) })} onCancel={onClose} onOk={() => submit.mutate()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={submit.isPending}>
      <Checkbox.Group value={present} onChange={(values) => setPresent(values as string[])} style={{ display: 'flex', flexDirection: 'column', gap: 8 }} options={data.enrolments.map((row) => ({ value: row.id, label: row.talent.name }))} />
    </Modal>
  );
}

type AssessValues = { score: number; passed: boolean; assessedOn: dayjs.Dayjs };

function AssessDialog({ enrolment, onClose, onDone }: { enrolment: Enrolment; onClose: () => void; onDone: (next: TrainingClassDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AssessValues>();
  const save = useFormSave(form, ['score', 'passed', 'assessedOn']);
  const submit = useMutation({
    mutationFn: (values: AssessValues) => assess(enrolment.id, { score: values.score, passed: values.passed, assessedOn: values.assessedOn.format('YYYY-MM-DD'), version: enrolment.version }),
    onSuccess: (next) => {
      onDone(next);
      onClose();
    },
    onError: save.refused,
  });
  return (
    <Modal open title={`${t('training.class.assess')}：${enrolment.talent.name}`} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={submit.isPending}>
      <Form
        form={form}
        name="training-assessment"
        layout="vertical"
        initialValues={{ score: enrolment.assessmentScore ?? undefined, passed: enrolment.assessmentPassed ?? true, assessedOn: dayjs() }}
        onFinish={(values) => { save.reset(); submit.mutate(values); }}
      >
        <FormErrorAlert save={save} testId="assess-error" />
        <Form.Item name="score" label={t('training.class.score')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} precision={0} data-testid="assess-score" />
        </Form.Item>
        <Form.Item name="passed" label={t('training.class.assessment')}>
          <Radio.Group options={[{ value: true, label: t('training.class.passed') }, { value: false, label: t('training.class.failed') }]} />
        </Form.Item>
        <Form.Item name="assessedOn" label={t('training.class.assessedOn')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
