import { DeleteOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, ConfigProvider, Divider, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { degrees, educationLevels, skillLevels, titleLevels } from '../../../domain/dictionaries';
import type { CertificateValues, EducationValues, TitleValues } from './talent-form';

const yearInput = <InputNumber min={1950} max={2100} precision={0} controls={false} style={{ width: '100%' }} />;

type SectionProps = { title: string; locked: boolean; children: ReactNode };

/** A list section: a heading, and when the office verified it, the hint and every control disabled. */
function ListSection({ title, locked, children }: SectionProps) {
  const { t } = useTranslation();
  return (
    <>
      <Divider titlePlacement="start">{title}</Divider>
      {locked ? (
        <Typography.Paragraph type="secondary">
          <LockOutlined /> {t('talents.form.lockedSection')}
        </Typography.Paragraph>
      ) : null}
      <ConfigProvider componentDisabled={locked}>{children}</ConfigProvider>
    </>
  );
}

type ItemCardProps = { title: string; locked: boolean; onRemove: () => void; children: ReactNode; testId: string };

function ItemCard({ title, locked, onRemove, children, testId }: ItemCardProps) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={title}
      style={{ marginBottom: 12 }}
      data-testid={testId}
      extra={
        locked ? null : (
          <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={onRemove}>
            {t('talents.form.remove')}
          </Button>
        )
      }
    >
      {children}
    </Card>
  );
}

const half = { xs: 24, sm: 12 };
const third = { xs: 24, sm: 8 };

/** Education records: level, degree, school, major, years, full-time and overseas. */
export function EducationList({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  const newEducation: EducationValues = { degree: 'none', fullTime: true, overseas: false };
  return (
    <ListSection title={t('talents.form.sections.educations')} locked={locked}>
      <Form.List name="educations">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <ItemCard key={field.key} title={t('talents.form.education.item', { index: index + 1 })} locked={locked} onRemove={() => remove(field.name)} testId={`education-${index}`}>
                <Row gutter={12}>
                  <Col {...third}>
                    <Form.Item name={[field.name, 'level']} label={t('talents.form.education.level')} required>
                      <Select options={educationLevels.map((value) => ({ value, label: t(`dictionaries.educationLevels.${value}`) }))} placeholder={t('talents.form.selectPlaceholder')} />
                    </Form.Item>
                  </Col>
                  <Col {...third}>
                    <Form.Item name={[field.name, 'degree']} label={t('talents.form.education.degree')}>
                      <Select options={degrees.map((value) => ({ value, label: t(`dictionaries.degrees.${value}`) }))} />
                    </Form.Item>
                  </Col>
                  <Col {...third}>
                    <Form.Item name={[field.name, 'graduationYear']} label={t('talents.form.education.graduationYear')} required>
                      {yearInput}
                    </Form.Item>
                  </Col>
                  <Col {...half}>
                    <Form.Item name={[field.name, 'school']} label={t('talents.form.education.school')} required>
                      <Input maxLength={80} />
                    </Form.Item>
                  </Col>
                  <Col {...half}>
                    <Form.Item name={[field.name, 'major']} label={t('talents.form.education.major')}>
                      <Input maxLength={80} />
                    </Form.Item>
                  </Col>
                  <Col {...third}>
                    <Form.Item name={[field.name, 'startYear']} label={t('talents.form.education.startYear')}>
                      {yearInput}
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={8}>
                    <Form.Item name={[field.name, 'fullTime']} valuePropName="checked" label=" " colon={false}>
                      <Checkbox>{t('talents.form.education.fullTime')}</Checkbox>
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={8}>
                    <Form.Item name={[field.name, 'overseas']} valuePropName="checked" label=" " colon={false}>
                      <Checkbox>{t('talents.form.education.overseas')}</Checkbox>
                    </Form.Item>
                  </Col>
                </Row>
              </ItemCard>
            ))}
            {locked ? null : (
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(newEducation)} style={{ marginBottom: 16 }} data-testid="add-education">
                {t('talents.form.education.add')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </ListSection>
  );
}

/** Professional titles (职称): level, series, name, year. */
export function TitleList({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  const newTitle: TitleValues = {};
  return (
    <ListSection title={t('talents.form.sections.titles')} locked={locked}>
      <Form.List name="titles">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <ItemCard key={field.key} title={t('talents.form.title.item', { index: index + 1 })} locked={locked} onRemove={() => remove(field.name)} testId={`title-${index}`}>
                <Row gutter={12}>
                  <Col {...half}>
                    <Form.Item name={[field.name, 'level']} label={t('talents.form.title.level')} required>
                      <Select options={titleLevels.map((value) => ({ value, label: t(`dictionaries.titleLevels.${value}`) }))} placeholder={t('talents.form.selectPlaceholder')} />
                    </Form.Item>
                  </Col>
                  <Col {...half}>
                    <Form.Item name={[field.name, 'year']} label={t('talents.form.title.year')} required>
                      {yearInput}
                    </Form.Item>
                  </Col>
                  <Col {...half}>
                    <Form.Item name={[field.name, 'series']} label={t('talents.form.title.series')} required>
                      <Input maxLength={40} placeholder={t('talents.form.title.seriesPlaceholder')} />
                    </Form.Item>
                  </Col>
                  <Col {...half}>
                    <Form.Item name={[field.name, 'name']} label={t('talents.form.title.name')} required>
                      <Input maxLength={60} placeholder={t('talents.form.title.namePlaceholder')} />
                    </Form.Item>
                  </Col>
                </Row>
              </ItemCard>
            ))}
            {locked ? null : (
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(newTitle)} style={{ marginBottom: 16 }} data-testid="add-title">
                {t('talents.form.title.add')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </ListSection>
  );
}

/** Skill certificates (职业技能等级证书): name, level 1–5, issuer, year. */
export function CertificateList({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  const newCertificate: CertificateValues = { issuer: '' };
  return (
    <ListSection title={t('talents.form.sections.certificates')} locked={locked}>
      <Form.List name="certificates">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <ItemCard key={field.key} title={t('talents.form.certificate.item', { index: index + 1 })} locked={locked} onRemove={() => remove(field.name)} testId={`certificate-${index}`}>
                <Row gutter={12}>
                  <Col {...half}>
                    <Form.Item name={[field.name, 'name']} label={t('talents.form.certificate.name')} required>
                      <Input maxLength={80} placeholder={t('talents.form.certificate.namePlaceholder')} />
                    </Form.Item>
                  </Col>
                  <Col {...half}>
                    <Form.Item name={[field.name, 'level']} label={t('talents.form.certificate.level')} required>
                      <Select options={skillLevels.map((value) => ({ value, label: t(`dictionaries.skillLevels.${value}`) }))} placeholder={t('talents.form.selectPlaceholder')} />
                    </Form.Item>
                  </Col>
                  <Col {...half}>
                    <Form.Item name={[field.name, 'issuer']} label={t('talents.form.certificate.issuer')}>
                      <Input maxLength={80} />
                    </Form.Item>
                  </Col>
                  <Col {...half}>
                    <Form.Item name={[field.name, 'year']} label={t('talents.form.certificate.year')} required>
                      {yearInput}
                    </Form.Item>
                  </Col>
                </Row>
              </ItemCard>
            ))}
            {locked ? null : (
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(newCertificate)} style={{ marginBottom: 16 }} data-testid="add-certificate">
                {t('talents.form.certificate.add')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </ListSection>
  );
}
