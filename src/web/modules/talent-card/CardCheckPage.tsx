import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, Input, Result } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { currentLanguage } from '../../app/i18n';
import { FormErrorAlert } from '../../ui/FormDrawer';
import { PageHeader } from '../../ui/PageHeader';
import { useFormSave } from '../../ui/use-form-save';
import { checkCard } from './talent-card.api';

type Values = { code: string; servicePoint?: string };
const servicePointKey = 'talentzone.servicePoint';

function rememberedServicePoint(): string | undefined {
  try {
    return window.localStorage.getItem(servicePointKey) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * 人才卡核验, for service-point staff: the code from the scanned QR (its link opens this page with `?code=`, checked at
 * once) or typed in, and the service point (remembered in this browser). The answer: valid with the name and tier, or
 * why not — nothing else about the holder.
 */
export function CardCheckPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const save = useFormSave(form, ['code', 'servicePoint']);
  const english = currentLanguage() === 'en-US';
  const check = useMutation({
    mutationFn: (values: Values) => checkCard({ code: values.code.trim(), servicePoint: values.servicePoint?.trim() || undefined }),
    onError: save.refused,
  });
  const scanned = searchParams.get('code');
  const checkedScan = useRef(false);

  useEffect(() => {
    // a scanned link checks its code once, then leaves the address so a reload does not check again
    if (!scanned || checkedScan.current) return;
    checkedScan.current = true;
    form.setFieldValue('code', scanned);
    check.mutate({ code: scanned, servicePoint: rememberedServicePoint() });
    setSearchParams({}, { replace: true });
  }, [scanned, form, check, setSearchParams]);

  const submit = (values: Values) => {
    save.reset();
    try {
      if (values.servicePoint) window.localStorage.setItem(servicePointKey, values.servicePoint.trim());
    } catch {
      // no storage: the service point is asked again next time
    }
    check.mutate(values);
  };
  const next = () => {
    check.reset();
    form.setFieldValue('code', '');
  };
  const result = check.data;

  return (
    <>
      <PageHeader title={t('cardCheck.title')} description={t('cardCheck.description')} />
      <Card style={{ maxWidth: 720 }}>
        {result ? (
          <Result
            status={result.outcome === 'valid' ? 'success' : 'error'}
            icon={result.outcome === 'valid' ? <CheckCircleFilled /> : <CloseCircleFilled />}
            title={result.outcome === 'valid' ? t('cardCheck.validTitle') : t(`card.outcomes.${result.outcome}`)}
            subTitle={
              result.holder
                ? `${t('card.holder')}：${result.holder.name} · ${english ? result.holder.tierNameEn : result.holder.tierName}`
                : t(`cardCheck.refusedHints.${result.outcome as Exclude<typeof result.outcome, 'valid'>}`)
            }
            extra={
              <Button type="primary" onClick={next} data-testid="card-check-next">
                {t('cardCheck.again')}
              </Button>
            }
            data-testid={`card-check-${result.outcome}`}
          />
        ) : (
          <Form<Values> form={form} name="card-check" layout="vertical" initialValues={{ servicePoint: rememberedServicePoint() }} onFinish={submit}>
            <FormErrorAlert save={save} testId="card-check-error" />
            <Form.Item name="code" label={t('cardCheck.code')} rules={[{ required: true, whitespace: true, message: t('cardCheck.required') }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} placeholder={t('cardCheck.codePlaceholder')} data-testid="card-check-code" />
            </Form.Item>
            <Form.Item name="servicePoint" label={t('cardCheck.servicePoint')}>
              <Input maxLength={60} placeholder={t('cardCheck.servicePointPlaceholder')} data-testid="card-check-point" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={check.isPending} data-testid="card-check-submit">
              {t('cardCheck.submit')}
            </Button>
          </Form>
        )}
      </Card>
    </>
  );
}
