import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Modal, Space, Statistic, Steps, Table, Typography, Upload, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { ProblemTable } from '../imports/ImportPage';
import type { ImportProblem } from '../imports/imports.api';
import { downloadApplicantTemplate, uploadApplicants, type ApplicantUpload, type CampaignDetail } from './campaigns.api';

type PreviewRow = ApplicantUpload['rows'][number];
const sheetColumns = ['name', 'idNumber', 'phone', 'education', 'degree', 'school', 'major', 'graduationYear', 'post'] as const;
const isSheetColumn = (key: string): key is (typeof sheetColumns)[number] => (sheetColumns as readonly string[]).includes(key);

/**
 * 报名人员批量导入: the template (the campaign's posts as a drop-down), the filled sheet checked first — the problems by
 * row and column, or the rows that would be registered — then imported, all rows or none.
 */
export function ApplicantSheetDialog({ campaign, onClose, onImported }: { campaign: CampaignDetail; onClose: () => void; onImported: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<ApplicantUpload | null>(null);
  const [problems, setProblems] = useState<{ message: string; problems: ImportProblem[] } | null>(null);
  const [downloading, setDownloading] = useState(false);
  /** `{ 'rows.6.idNumber': '表格行 › #7 › 身份证号码：…' }` → the problems table's rows (row 7, column 身份证号码). */
  const problemsOfFields = (fields: Record<string, string>): ImportProblem[] =>
    Object.entries(fields).map(([path, text]) => {
      const [, row = '-1', key = ''] = /^rows\.(\d+)\.(\w+)/.exec(path) ?? [];
      return { row: Number(row) + 1, column: isSheetColumn(key) ? t(`campaigns.applicantSheet.columns.${key}`) : '', message: text };
    });
  const showError = (error: unknown) => setProblems({ message: isApiError(error) ? error.message : String(error), problems: isApiError(error) ? problemsOfFields(error.fields) : [] });
  const check = useMutation({
    mutationFn: (chosen: File) => uploadApplicants(campaign.id, chosen, true),
    onMutate: () => {
      setChecked(null);
      setProblems(null);
    },
    onSuccess: setChecked,
    onError: showError,
  });
  const write = useMutation({
    mutationFn: () => uploadApplicants(campaign.id, file!, false),
    onSuccess: (result) => {
      onImported();
      void message.success(t('campaigns.applicantSheet.written', { count: result.created }));
      onClose();
    },
    onError: showError,
  });
  const handleTemplate = async () => {
    setDownloading(true);
    try {
      await downloadApplicantTemplate(campaign.id, t('campaigns.applicantSheet.templateFile'));
    } catch (error) {
      void message.error(isApiError(error) ? error.message : String(error));
    } finally {
      setDownloading(false);
    }
  };
  const handleFile = (chosen: File) => {
    setFile(chosen);
    check.mutate(chosen);
    return Upload.LIST_IGNORE;
  };
  const columns: TableColumnsType<PreviewRow> = [
    { key: 'row', title: t('campaigns.applicantSheet.columns.row'), dataIndex: 'row', width: 70 },
    { key: 'name', title: t('campaigns.applicantSheet.columns.name'), dataIndex: 'name' },
    { key: 'idNumber', title: t('campaigns.applicantSheet.columns.idNumber'), dataIndex: 'idNumber' },
    { key: 'education', title: t('campaigns.applicantSheet.columns.education'), render: (_, row) => `${t(`dictionaries.educationLevels.${row.education}`)} · ${row.school}` },
    { key: 'post', title: t('campaigns.applicantSheet.columns.post'), render: (_, row) => row.post.title },
  ];
  return (
    <Modal
      open
      width={860}
      title={t('campaigns.applicantSheet.title')}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>{t('common.cancel')}</Button>,
        <Button key="write" type="primary" disabled={!checked} loading={write.isPending} onClick={() => write.mutate()} data-testid="applicants-write">{t('campaigns.applicantSheet.write')}</Button>,
      ]}
    >
      <Steps size="small" current={checked ? 2 : file ? 1 : 0} items={[{ title: t('campaigns.applicantSheet.steps.template') }, { title: t('campaigns.applicantSheet.steps.check') }, { title: t('campaigns.applicantSheet.steps.write') }]} style={{ marginBottom: 16 }} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void handleTemplate()} data-testid="applicants-template">{t('campaigns.applicantSheet.template')}</Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('campaigns.applicantSheet.help')}</Typography.Paragraph>
      <div data-testid="applicants-upload">
        <Upload.Dragger accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" multiple={false} showUploadList={false} beforeUpload={handleFile} disabled={check.isPending || write.isPending}>
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">{check.isPending ? t('campaigns.applicantSheet.checking') : file ? t('campaigns.applicantSheet.uploadAgain') : t('campaigns.applicantSheet.upload')}</p>
        </Upload.Dragger>
      </div>
      {checked ? (
        <Card size="small" style={{ marginTop: 16 }} data-testid="applicants-preview">
          <Descriptions size="small" column={1} style={{ marginBottom: 8 }}>
            <Descriptions.Item label={t('campaigns.applicantSheet.file')}>{file?.name}</Descriptions.Item>
          </Descriptions>
          <Statistic title={t('campaigns.applicantSheet.rows')} value={checked.created} />
          <Table<PreviewRow> rowKey="row" size="small" columns={columns} dataSource={checked.rows} style={{ marginTop: 12 }} pagination={checked.rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false} scroll={{ x: 'max-content' }} />
          <Alert type="success" showIcon title={t('campaigns.applicantSheet.ready')} style={{ marginTop: 12 }} />
        </Card>
      ) : null}
      {problems ? (
        <div style={{ marginTop: 16 }} data-testid="applicants-problems">
          <Alert type="error" showIcon title={problems.message} style={{ marginBottom: 12 }} />
          {problems.problems.length ? <ProblemTable problems={problems.problems} /> : null}
        </div>
      ) : null}
    </Modal>
  );
}
