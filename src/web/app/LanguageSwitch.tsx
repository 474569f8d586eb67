import { GlobalOutlined } from '@ant-design/icons';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, languages, type Language } from './i18n';

type LanguageSwitchProps = { size?: 'small' | 'middle' };

/** 中文 / English: changes i18next, antd's and dayjs's language and remembers the choice. */
export function LanguageSwitch({ size = 'middle' }: LanguageSwitchProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const handleChange = (value: Language) => void changeLanguage(value);
  return (
    <Segmented<Language>
      size={size}
      aria-label={t('language.label')}
      data-testid="language-switch"
      value={language}
      onChange={handleChange}
      options={languages.map((value) => ({
        value,
        label: (
          <span lang={value}>
            {value === language ? <GlobalOutlined style={{ marginRight: 4 }} /> : null}
            {t(`language.${value}`)}
          </span>
        ),
      }))}
    />
  );
}
