import { useTranslation } from 'react-i18next';
import { ResultPage } from '../ui/ResultPage';

export function NotFoundPage() {
  const { t } = useTranslation();
  return <ResultPage status={404} title={t('errors.notFoundTitle')} description={t('errors.notFoundDescription')} homeLabel={t('errors.backHome')} />;
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return <ResultPage status={403} title={t('errors.forbiddenTitle')} description={t('errors.forbiddenDescription')} homeLabel={t('errors.backHome')} />;
}
