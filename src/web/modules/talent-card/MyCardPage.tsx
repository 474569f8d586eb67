import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Empty, List, Row, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardStatus } from '../../../domain/talent-card/card';
import { isApiError } from '../../app/api';
import { currentLanguage } from '../../app/i18n';
import { CenteredSpin } from '../../ui/CenteredSpin';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate, formatDateTime } from '../../ui/format';
import { NextStepEmpty } from '../../ui/NextStepEmpty';
import { PageHeader } from '../../ui/PageHeader';
import { fetchMyCard, type MyCard } from './talent-card.api';

export const cardStatusColor: Record<CardStatus, string> = { active: 'green', lapsed: 'orange', revoked: 'red' };

/** Seconds until an instant, counted down once a second (0 once it passed). */
function useSecondsUntil(instant: string | undefined) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return instant ? Math.max(0, Math.ceil((Date.parse(instant) - now) / 1000)) : 0;
}

/**
 * 我的人才卡: the card (number, tier, validity), its QR code for this minute — fetched again as each minute's code is
 * ready, so what is on screen always checks as valid — the tier's green-channel privileges, and where it was last used.
 */
export function MyCardPage() {
  const { t } = useTranslation();
  const card = useQuery({
    queryKey: ['talent-card', 'mine'],
    queryFn: fetchMyCard,
    retry: (count, error) => !(isApiError(error) && error.status === 404) && count < 2,
    // the next minute's code: fetch when it is ready (at least every 20 s, so a sleeping tab catches up)
    refetchInterval: (query) => {
      const refreshAt = query.state.data?.code?.refreshAt;
      return refreshAt ? Math.min(20_000, Math.max(1000, Date.parse(refreshAt) - Date.now() + 500)) : false;
    },
    refetchIntervalInBackground: false,
  });
  const secondsLeft = useSecondsUntil(card.data?.code?.refreshAt);

  if (card.isPending) return <CenteredSpin />;
  if (card.isError && isApiError(card.error) && card.error.status === 404) {
    return (
      <>
        <PageHeader title={t('card.title')} description={t('card.description')} />
        <Card>
          <Typography.Title level={4} style={{ textAlign: 'center' }}>
            {t('card.none')}
          </Typography.Title>
          <NextStepEmpty description={t('card.noneDetail')} action={t('card.openProfile')} to="/profile" testId="card-none" />
        </Card>
      </>
    );
  }
  if (card.isError) return <ErrorAlert message={card.error.message} retryLabel={t('common.retry')} onRetry={() => void card.refetch()} />;
  const { card: view, code, privileges, checks } = card.data;
  const english = currentLanguage() === 'en-US';

  return (
    <>
      <PageHeader title={t('card.title')} description={t('card.description')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card data-testid="my-card">
            <div style={{ textAlign: 'center' }}>
              <Typography.Title level={4} style={{ marginTop: 0 }}>
                {view.talentName}
              </Typography.Title>
              <Tag color="gold" style={{ fontSize: 14, padding: '2px 10px' }}>
                {english ? view.tierNameEn : view.tierName}
              </Tag>
              <Tag color={cardStatusColor[view.status]} data-testid="card-status">
                {t(`card.status.${view.status}`)}
              </Tag>
              {code ? (
                <div style={{ marginTop: 16 }}>
                  <img src={code.qrCode} width={240} height={240} alt={t('card.qrAlt', { time: formatDateTime(code.expiresAt) })} data-testid="card-qr" />
                  <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }} aria-live="off">
                    {secondsLeft > 0 ? t('card.refreshesIn', { seconds: secondsLeft }) : t('card.refreshing')}
                  </Typography.Paragraph>
                  <Typography.Paragraph type="secondary" style={{ margin: '12px 0 4px', fontSize: 12 }}>
                    {t('card.codeText')}
                  </Typography.Paragraph>
                  <Typography.Text code copyable style={{ fontSize: 11, wordBreak: 'break-all' }} data-testid="card-code" data-verbatim>
                    {code.text}
                  </Typography.Text>
                </div>
              ) : (
                <Alert type="warning" showIcon style={{ marginTop: 16, textAlign: 'left' }} title={t('card.noCode')} />
              )}
            </div>
            <Descriptions column={1} size="small" style={{ marginTop: 16 }}>
              <Descriptions.Item label={t('card.number')}>{view.number}</Descriptions.Item>
              <Descriptions.Item label={t('card.validUntil')}>{formatDate(view.validUntil)}</Descriptions.Item>
              <Descriptions.Item label={t('card.issuedAt')}>{formatDateTime(view.issuedAt).slice(0, 10)}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('card.privileges')} style={{ marginBottom: 16 }}>
            {privileges.length ? (
              <List<MyCard['privileges'][number]>
                dataSource={privileges}
                renderItem={(privilege) => (
                  <List.Item>
                    <List.Item.Meta title={t(`card.privilegeKinds.${privilege.kind}`)} description={english ? privilege.detailEn : privilege.detail} />
                  </List.Item>
                )}
                data-testid="card-privileges"
              />
            ) : (
              <Empty description={t('card.noPrivileges')} />
            )}
          </Card>
          <Card title={t('card.checks')}>
            {checks.length ? (
              <List<MyCard['checks'][number]>
                dataSource={checks}
                renderItem={(check) => (
                  <List.Item extra={<Tag color={check.outcome === 'valid' ? 'green' : 'red'}>{t(`card.outcomes.${check.outcome}`)}</Tag>}>
                    <List.Item.Meta title={check.servicePoint ?? t('common.none')} description={formatDateTime(check.checkedAt)} />
                  </List.Item>
                )}
                data-testid="card-checks"
              />
            ) : (
              <Empty description={t('card.noChecks')} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
