import { Empty, Flex, List, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import type { Reason, Suggestion } from './demands.api';

const reasonColours = { yes: 'green', partly: 'gold', no: 'red' } as const;

/**
 * 推荐人选: suggested candidates with their match score and the reasons as coloured tags (met, partly, gap). The demand's
 * drawer, a challenge's page and a campaign post use it; a talent links to the record when `linkTalents`, an expert and
 * a team carry their kind.
 */
export function CandidateList({ data, loading, error, linkTalents = false }: { data: { considered: number; items: Suggestion[] } | undefined; loading: boolean; error: Error | null; linkTalents?: boolean }) {
  const { t } = useTranslation();
  const detailOf = (item: Suggestion) => {
    const parts = [item.expertKind ? t(`coopLabels.expertKind.${item.expertKind}`) : null, item.post, item.organisation, item.members !== null ? t('demands.detail.members', { count: item.members }) : null];
    return parts.filter(Boolean).join(' · ');
  };
  return (
    <div data-testid="candidates">
      {error ? <ErrorAlert message={error.message} /> : null}
      {data ? <Typography.Paragraph type="secondary">{t('demands.detail.considered', { count: data.considered })}</Typography.Paragraph> : null}
      {data && data.items.length === 0 ? <Empty description={t('demands.detail.noCandidates')} /> : null}
      <List
        dataSource={data?.items ?? []}
        loading={loading}
        renderItem={(item) => (
          <List.Item data-testid="candidate">
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Flex justify="space-between" align="center" gap={12}>
                <Space size={8} wrap>
                  {item.kind !== 'talent' ? <Tag color={item.kind === 'expert' ? 'purple' : 'cyan'}>{t(`demands.candidateKinds.${item.kind}`)}</Tag> : null}
                  {item.kind === 'talent' && linkTalents ? <Link to={`/talents/${item.id}`}><Typography.Text strong>{item.name}</Typography.Text></Link> : <Typography.Text strong>{item.name}</Typography.Text>}
                  {detailOf(item) ? <Typography.Text type="secondary">{detailOf(item)}</Typography.Text> : null}
                </Space>
                <Progress percent={Math.round(item.score)} size="small" style={{ width: 160 }} aria-label={t('demands.detail.score')} />
              </Flex>
              <Flex wrap gap={4}>{item.reasons.map((reason: Reason, index) => <Tag key={index} color={reasonColours[reason.met]} data-testid="candidate-reason">{reason.text}</Tag>)}</Flex>
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}
