import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { boardItemKinds, type BoardItemKind } from '../../../domain/coordination';
import { currentLanguage } from '../../app/i18n';
import { CenteredSpin } from '../../ui/CenteredSpin';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FilterField } from '../../ui/FilterField';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { useCurrentUser } from '../auth/RequireSession';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { fetchBoard } from './coordination.api';

const kindColor: Record<BoardItemKind, string> = { challenge: 'volcano', training: 'cyan', policy: 'blue', pool: 'purple', selection: 'gold' };

/** 政企对接: the zone's open calls that concern an enterprise, each with why (enterprise HR: its own; the office picks one). */
export function BoardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const office = user.roles.includes('office');
  const [searchParams, setSearchParams] = useSearchParams();
  const chosen = searchParams.get('enterpriseId') ?? undefined;
  const enterpriseId = office ? chosen : undefined;
  const [kind, setKind] = useState<BoardItemKind | 'all'>('all');
  const board = useQuery({ queryKey: ['board', enterpriseId ?? 'own'], queryFn: () => fetchBoard(enterpriseId), enabled: !office || Boolean(enterpriseId) });
  const english = currentLanguage() === 'en-US';
  const items = (board.data?.items ?? []).filter((item) => kind === 'all' || item.kind === kind);
  const enterprise = board.data?.enterprise;
  return (
    <>
      <PageHeader title={t('board.title')} description={t('board.description')} />
      <Flex vertical gap={16}>
        {office ? (
          <Card size="small">
            <FilterField label={t('board.enterprise')}>
              <EnterpriseSelect
                value={enterpriseId ?? null}
                current={enterprise && enterprise.id === enterpriseId ? { id: enterprise.id, name: enterprise.name } : null}
                placeholder={t('board.chooseEnterprise')}
                onChange={(value) => setSearchParams(value ? { enterpriseId: value } : {}, { replace: true })}
                style={{ width: 360 }}
                testId="board-enterprise"
              />
            </FilterField>
          </Card>
        ) : null}
        {office && !enterpriseId ? (
          <Empty description={t('board.chooseEnterprise')} />
        ) : board.isLoading ? (
          <CenteredSpin />
        ) : board.isError || !board.data ? (
          <ErrorAlert message={String(board.error)} onRetry={() => void board.refetch()} />
        ) : (
          <Card
            title={
              <Space wrap>
                <span data-testid="board-enterprise-name">{enterprise?.name}</span>
                {enterprise?.chain ? <Typography.Text type="secondary">{t('board.chain', { chain: enterprise.chain })}</Typography.Text> : null}
                {enterprise?.industry ? <Typography.Text type="secondary">{t('board.industry', { industry: english ? enterprise.industryEn : enterprise.industry })}</Typography.Text> : null}
              </Space>
            }
            extra={
              <Segmented<BoardItemKind | 'all'>
                value={kind}
                onChange={setKind}
                options={[{ value: 'all', label: t('board.all') }, ...boardItemKinds.map((value) => ({ value, label: t(`board.kinds.${value}`) }))]}
              />
            }
          >
            <List
              data-testid="board-items"
              locale={{ emptyText: t('board.empty') }}
              dataSource={items}
              renderItem={(item) => (
                <List.Item key={`${item.kind}-${item.id}`} actions={[<Link key="open" to={item.link}>{t('board.open')}</Link>]} data-testid={`board-item-${item.kind}`}>
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        <Tag color={kindColor[item.kind]}>{t(`board.kinds.${item.kind}`)}</Tag>
                        <Link to={item.link}>{item.title}</Link>
                      </Space>
                    }
                    description={
                      <Flex vertical>
                        {item.reasons.map((reason) => (
                          <Typography.Text key={reason.text} data-testid="board-reason">{english ? reason.textEn : reason.text}</Typography.Text>
                        ))}
                        <Typography.Text type="secondary">
                          {[
                            item.deadline ? t(item.kind === 'training' ? 'board.starts' : 'board.deadline', { date: formatDate(item.deadline) }) : null,
                            item.since ? t('board.since', { date: formatDate(item.since) }) : null,
                          ].filter(Boolean).join(' · ')}
                        </Typography.Text>
                      </Flex>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        )}
      </Flex>
    </>
  );
}
