import { CheckCircleFilled, CloseCircleFilled, DownloadOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Progress, Radio, Result, Row, Space, Statistic, Steps, Table, Typography, Upload, type TableColumnsType } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '../../../domain/permissions';
import { isApiError } from '../../app/api';
import { PageHeader } from '../../ui/PageHeader';
import { useCurrentUser } from '../auth/RequireSession';
import { commitImport, downloadTemplate, fetchImport, importKinds, previewImport, type ImportKind, type ImportMode, type ImportPreview, type ImportProblem } from './imports.api';

const maxBytes = 20 * 1024 * 1024;
const pollMs = 600;

/**
 * The import wizard (office): choose what to import and get its template, upload the filled workbook for a check,
 * read the problems by row and column, then import all or nothing (or only the correct rows) and follow the progress.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const kinds = importKinds.filter((kind) => kind === 'talents' || can(user.roles, 'enterprises.create'));
  const [kind, setKind] = useState<ImportKind>('talents');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mode, setMode] = useState<ImportMode>('allOrNothing');
  const [runId, setRunId] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const runCard = useRef<HTMLDivElement>(null);

  const upload = useMutation({
    mutationFn: (file: File) => previewImport(kind, file),
    onMutate: () => {
      setUploadError(null);
      setPreview(null);
      setRunId(null);
    },
    onSuccess: (result) => {
      setPreview(result);
      setMode('allOrNothing');
    },
    onError: (error) => setUploadError(isApiError(error) ? error.message : String(error)),
  });

  const commit = useMutation({
    mutationFn: () => commitImport(preview!.id, mode),
    onSuccess: (result) => setRunId(result.id),
    onError: (error) => void message.error(isApiError(error) ? error.message : String(error)),
  });

  const run = useQuery({
    queryKey: ['import', runId],
    queryFn: () => fetchImport(runId!),
    enabled: runId !== null,
    refetchInterval: (query) => (!query.state.data || query.state.data.status === 'running' || query.state.data.status === 'previewed' ? pollMs : false),
  });

  const handleKindChange = (next: ImportKind) => {
    setKind(next);
    setPreview(null);
    setRunId(null);
    setUploadError(null);
  };

  const handleTemplate = async () => {
    setDownloading(true);
    try {
      const file = await downloadTemplate(kind, t(`imports.templateFile.${kind}`));
      void message.success(t('imports.templateDone', { file }));
    } catch (error) {
      void message.error(isApiError(error) ? error.message : String(error));
    } finally {
      setDownloading(false);
    }
  };

  /** antd hands the chosen file here; the page sends its bytes itself (content type and CSRF token set by the client). */
  const handleBeforeUpload = (file: File) => {
    if (!/\.xlsx$/i.test(file.name)) {
      setUploadError(t('imports.wrongType'));
      return Upload.LIST_IGNORE;
    }
    if (file.size > maxBytes) {
      setUploadError(t('imports.tooLarge'));
      return Upload.LIST_IGNORE;
    }
    upload.mutate(file);
    return Upload.LIST_IGNORE;
  };

  const handleAnother = () => {
    setPreview(null);
    setRunId(null);
    setUploadError(null);
    commit.reset();
  };

  const status = run.data?.status;
  // The progress and then the result appear below the preview: bring them into view.
  useEffect(() => {
    if (runId) runCard.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }, [runId, status]);
  const finished = status === 'done' || status === 'failed';
  const current = finished ? 3 : runId ? 2 : preview ? 2 : 1;
  const blocked = !!preview && mode === 'allOrNothing' && preview.invalid > 0;
  const kindLabel = t(`imports.kinds.${kind}`);

  const dragger = (
    <Upload.Dragger
      accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      multiple={false}
      showUploadList={false}
      beforeUpload={handleBeforeUpload}
      disabled={upload.isPending || (!!runId && !finished)}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{upload.isPending ? t('imports.previewing') : preview ? t('imports.uploadAgain') : t('imports.upload')}</p>
      <p className="ant-upload-hint">{t('imports.uploadHint')}</p>
    </Upload.Dragger>
  );

  return (
    <>
      <PageHeader title={t('imports.title')} description={t('imports.description')} />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={current}
          size="small"
          items={[{ title: t('imports.steps.prepare') }, { title: t('imports.steps.upload') }, { title: t('imports.steps.run') }]}
          style={{ marginBottom: 24 }}
        />
        <Row gutter={[24, 24]}>
          <Col xs={24} lg={10}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <div>
                <Typography.Text strong>{t('imports.kind')}</Typography.Text>
                <div style={{ marginTop: 8 }}>
                  <Radio.Group
                    value={kind}
                    optionType="button"
                    buttonStyle="solid"
                    disabled={upload.isPending || (!!runId && !finished)}
                    onChange={(event) => handleKindChange(event.target.value as ImportKind)}
                    options={kinds.map((value) => ({ value, label: t(`imports.kinds.${value}`) }))}
                    data-testid="import-kind"
                  />
                </div>
              </div>
              <div>
                <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void handleTemplate()} data-testid="import-template">
                  {t('imports.template')}
                </Button>
                <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                  {t('imports.templateHelp')}
                </Typography.Paragraph>
              </div>
            </Space>
          </Col>
          <Col xs={24} lg={14}>
            <div data-testid="import-upload">{dragger}</div>
            {uploadError ? <Alert type="error" showIcon title={uploadError} style={{ marginTop: 12 }} data-testid="import-upload-error" /> : null}
          </Col>
        </Row>
      </Card>

      {preview ? (
        <PreviewCard
          preview={preview}
          mode={mode}
          onModeChange={setMode}
          blocked={blocked}
          started={runId !== null}
          starting={commit.isPending}
          onStart={() => commit.mutate()}
        />
      ) : null}

      {runId ? (
        <Card ref={runCard} style={{ marginTop: 16 }} data-testid="import-run">
          {!finished ? (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text strong>{t('imports.running')}</Typography.Text>
              <Progress percent={run.data && run.data.valid > 0 ? Math.floor((run.data.processed / run.data.valid) * 100) : 0} status="active" aria-label={t('imports.running')} data-testid="import-progress" />
              {run.data ? <Typography.Text type="secondary">{t('imports.progress', { processed: run.data.processed, total: run.data.valid })}</Typography.Text> : null}
            </Space>
          ) : status === 'done' ? (
            <Result
              status="success"
              icon={<CheckCircleFilled />}
              title={<span data-testid="import-done">{t('imports.done')}</span>}
              subTitle={t('imports.doneDescription', { imported: run.data!.imported, kind: kindLabel })}
              extra={[
                <Link key="view" to={kind === 'talents' ? '/talents' : '/enterprises'}>
                  <Button type="primary">{kind === 'talents' ? t('imports.viewImported') : t('imports.viewEnterprises')}</Button>
                </Link>,
                <Button key="again" icon={<ReloadOutlined />} onClick={handleAnother}>
                  {t('imports.another')}
                </Button>,
              ]}
            />
          ) : (
            <>
              <Result
                status="error"
                icon={<CloseCircleFilled />}
                title={<span data-testid="import-failed">{t('imports.failed')}</span>}
                subTitle={t('imports.failedDescription')}
                extra={
                  <Button icon={<ReloadOutlined />} onClick={handleAnother}>
                    {t('imports.another')}
                  </Button>
                }
              />
              <ProblemTable problems={run.data!.problems} />
            </>
          )}
        </Card>
      ) : null}
    </>
  );
}

type PreviewCardProps = {
  preview: ImportPreview;
  mode: ImportMode;
  onModeChange: (mode: ImportMode) => void;
  blocked: boolean;
  started: boolean;
  starting: boolean;
  onStart: () => void;
};

/** The check's outcome: counts, the problems by row and column, the import mode, and the start. */
function PreviewCard({ preview, mode, onModeChange, blocked, started, starting, onStart }: PreviewCardProps) {
  const { t } = useTranslation();
  return (
    <Card title={t('imports.preview.title', { file: preview.fileName })} data-testid="import-preview">
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={8} sm={6}>
          <Statistic title={t('imports.preview.total')} value={preview.total} styles={{ content: { fontWeight: 600 } }} data-testid="import-total" />
        </Col>
        <Col xs={8} sm={6}>
          <Statistic title={t('imports.preview.valid')} value={preview.valid} styles={{ content: { color: '#389e0d', fontWeight: 600 } }} data-testid="import-valid" />
        </Col>
        <Col xs={8} sm={6}>
          <Statistic title={t('imports.preview.invalid')} value={preview.invalid} styles={{ content: { color: preview.invalid ? '#cf1322' : undefined, fontWeight: 600 } }} data-testid="import-invalid" />
        </Col>
      </Row>
      {preview.problems.length ? (
        <>
          <Typography.Title level={5}>{t('imports.preview.problems')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('imports.preview.fixHint')}</Typography.Paragraph>
          <ProblemTable problems={preview.problems} />
        </>
      ) : (
        <Alert type="success" showIcon title={t('imports.preview.noProblems')} style={{ marginBottom: 16 }} />
      )}
      <Flex vertical gap={12} style={{ marginTop: 16 }}>
        <Typography.Text strong>{t('imports.mode')}</Typography.Text>
        <Radio.Group value={mode} onChange={(event) => onModeChange(event.target.value as ImportMode)} disabled={started} data-testid="import-mode">
          <Space orientation="vertical">
            <Radio value="allOrNothing">
              {t('imports.modes.allOrNothing')}
              <Typography.Text type="secondary"> — {t('imports.modes.allOrNothingHelp')}</Typography.Text>
            </Radio>
            <Radio value="validOnly" disabled={started || preview.valid === 0}>
              {t('imports.modes.validOnly')}
              <Typography.Text type="secondary"> — {t('imports.modes.validOnlyHelp', { count: preview.valid })}</Typography.Text>
            </Radio>
          </Space>
        </Radio.Group>
        {blocked ? <Alert type="warning" showIcon title={t('imports.blocked', { count: preview.invalid })} /> : null}
        <div>
          <Button type="primary" size="large" onClick={onStart} loading={starting} disabled={blocked || started || preview.valid === 0} data-testid="import-start">
            {t('imports.start')}
          </Button>
        </div>
      </Flex>
    </Card>
  );
}

export function ProblemTable({ problems }: { problems: ImportProblem[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ImportProblem> = [
    { key: 'row', title: t('imports.preview.row'), dataIndex: 'row', width: 80, render: (value: number) => (value > 0 ? value : t('common.none')) },
    { key: 'column', title: t('imports.preview.column'), dataIndex: 'column', width: 140, render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{value || t('common.none')}</span> },
    { key: 'message', title: t('imports.preview.message'), dataIndex: 'message', render: (value: string) => <div style={{ minWidth: 200 }}>{value}</div> },
  ];
  return (
    <div data-testid="import-problems">
      <Table<ImportProblem>
        rowKey={(problem) => `${problem.row}-${problem.column}-${problem.message}`}
        size="small"
        columns={columns}
        dataSource={problems}
        scroll={{ x: 'max-content' }}
        pagination={problems.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      />
    </div>
  );
}
