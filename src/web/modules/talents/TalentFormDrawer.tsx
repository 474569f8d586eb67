import { EditOutlined, EyeOutlined, LockOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Cascader, Col, DatePicker, Divider, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { arrivalRoutes, ethnicities, politicalStatuses, salaryBands, talentStatuses } from '../../../domain/dictionaries';
import { can } from '../../../domain/permissions';
import { idNumberField, phoneField, talentInput, talentUpdateInput } from '../../../domain/talent';
import { parseIdNumber } from '../../../domain/validators/id-number';
import { isApiError } from '../../app/api';
import { currentLanguage } from '../../app/i18n';
import { applyFieldErrors } from '../../ui/form-errors';
import { FormDrawer, FormErrorAlert } from '../../ui/FormDrawer';
import { formatDate } from '../../ui/format';
import { useFormSave } from '../../ui/use-form-save';
import { safeParseLikeServer, zodRule } from '../../ui/zod-form';
import { useCurrentUser } from '../auth/RequireSession';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { fetchHome } from '../home/home.api';
import { industryOptions, regionOptions, tierOptions, useReference } from '../reference/reference.api';
import { RevealDialog, type Revealed } from './RevealDialog';
import {
  emptyTalentValues, statusChangeOf, talentFormFields, talentPayload, talentUpdatePayload, talentValues, type Replacing, type TalentFormValues,
} from './talent-form';
import { CertificateList, EducationList, TitleList } from './TalentFormLists';
import { createTalent, updateTalent, type TalentDetail } from './talents.api';

type TalentFormDrawerProps = {
  open: boolean;
  /** The record to edit; none to register a new talent. */
  talent: TalentDetail | null;
  /** Unmasked numbers the office has already revealed on the page: the form shows them instead of the masked ones. */
  revealed?: Revealed | null;
  onRevealed?: (revealed: Revealed) => void;
  onClose: () => void;
  onSaved?: (talent: TalentDetail) => void;
  /** Reloads the record after a version conflict. */
  onReload?: () => Promise<unknown>;
};

type SaveRequest = { values: TalentFormValues; confirmPossibleDuplicate?: boolean };

const keepBoth: Replacing = { idNumber: false, phone: false };

/**
 * Registers or edits a talent. Checks with the shared schema (src/domain/talent.ts) before sending — the ID number's
 * check character as soon as it is typed — and shows the server's field messages; asks before saving a possible
 * duplicate; explains a version conflict. Editing shows the ID number and phone masked and leaves them unchanged unless
 * the user chooses to replace them.
 */
export function TalentFormDrawer({ open, talent, revealed, onRevealed, onClose, onSaved, onReload }: TalentFormDrawerProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { message, modal } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const reference = useReference().data;
  const [form] = Form.useForm<TalentFormValues>();
  const save = useFormSave(form, talentFormFields);
  const [revealOpen, setRevealOpen] = useState(false);
  // which masked numbers are being replaced, for one version of one record (closing the drawer forgets it)
  const [replacingOf, setReplacingOf] = useState<{ key: string | null; value: Replacing }>({ key: null, value: keepBoth });
  const editing = talent !== null;

  // Enterprise HR registers its own staff: the employer is its enterprise (the server enforces it too).
  const hrOnly = user.roles.includes('enterprise') && !user.roles.includes('office') && !!user.organisationId;
  const ownEnterprise = useQuery({ queryKey: ['home'], queryFn: fetchHome, enabled: hrOnly && open, staleTime: 60_000 });
  const employerFixed = hrOnly && (!editing || talent.employer?.id === user.organisationId);
  const canSearchEnterprises = can(user.roles, 'enterprises.read');
  // A talent editing their own record keeps their employer, status, tier and tags (the office decides those; the
  // server refuses a change).
  const asSelf = editing && !user.roles.includes('office') && !(hrOnly && talent.employer?.id === user.organisationId);
  const locked = new Set([...(talent?.permissions.lockedFields ?? []), ...(asSelf ? ['employerId', 'status', 'tier', 'tags'] : [])]);
  const isLocked = (field: string) => locked.has(field);

  const idNumber = Form.useWatch('idNumber', form);
  const employerMode = Form.useWatch('employerMode', form);
  const status = Form.useWatch('status', form);
  const identity = idNumber ? parseIdNumber(idNumber) : null;

  const talentKey = talent ? `${talent.id}:${talent.version}` : null;
  const replacing = replacingOf.key === talentKey ? replacingOf.value : keepBoth;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(talent ? talentValues(talent, reference) : emptyTalentValues(hrOnly ? user.organisationId : null));
    // Reset when the drawer opens or another version of the record arrives, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, talentKey, form]);

  // The reference data may arrive after the form opened: place the native place in the province → city picker then.
  useEffect(() => {
    if (open && talent && reference && !form.getFieldValue('nativePlace')) form.setFieldsValue({ nativePlace: talentValues(talent, reference).nativePlace });
  }, [open, talent, reference, form]);

  const handleClose = () => {
    setReplacingOf({ key: null, value: keepBoth });
    save.reset();
    onClose();
  };

  const refresh = (saved: TalentDetail) => {
    queryClient.setQueryData(['talent', saved.id], saved);
    void queryClient.invalidateQueries({ queryKey: ['talents'] });
    void queryClient.invalidateQueries({ queryKey: ['talent-audit', saved.id] });
    void queryClient.invalidateQueries({ queryKey: ['home'] });
  };

  /** A record without a phone has nothing masked to keep: a phone typed in is sent. */
  const replacingNow = (record: TalentDetail): Replacing => ({ idNumber: replacing.idNumber, phone: replacing.phone || !record.phone });

  const mutation = useMutation({
    mutationFn: async ({ values, confirmPossibleDuplicate }: SaveRequest) => {
      if (talent) {
        const update = talentUpdatePayload(values, replacingNow(talent));
        return updateTalent(talent.id, { ...update, version: talent.version, ...(values.status !== talent.status ? statusChangeOf(values) : {}) });
      }
      return createTalent(talentPayload(values), confirmPossibleDuplicate);
    },
    onSuccess: (saved) => {
      refresh(saved);
      void message.success(editing ? t('talents.form.updated') : t('talents.form.created', { name: saved.name }));
      handleClose();
      onSaved?.(saved);
    },
    onError: (error, request) => {
      if (isApiError(error) && error.status === 409 && error.code === 'possibleDuplicate') {
        applyFieldErrors(form, error.fields, talentFormFields);
        void modal.confirm({
          title: t('talents.form.duplicateTitle'),
          content: error.message,
          okText: t('talents.form.duplicateConfirm'),
          cancelText: t('common.cancel'),
          onOk: () => {
            form.setFields([{ name: 'phone', errors: [] }]);
            mutation.mutate({ ...request, confirmPossibleDuplicate: true });
          },
        });
        return;
      }
      save.refused(error);
    },
  });

  // What passes here passes the server's schema, references to data (industry, employer, a registered ID number) excepted.
  const handleSubmit = async () => {
    const values = await save.check((checked) =>
      talent ? safeParseLikeServer(talentUpdateInput, talentUpdatePayload(checked, replacingNow(talent))) : safeParseLikeServer(talentInput, talentPayload(checked)),
    );
    if (values) mutation.mutate({ values });
    else void message.error(t('talents.form.fixErrors'));
  };

  const handleIdNumberChange = (value: string) => {
    // The check character is checked as soon as the number is complete; while typing, an old message goes away.
    if (value.trim().length >= 18) void form.validateFields(['idNumber']).catch(() => undefined);
    else form.setFields([{ name: 'idNumber', errors: [] }]);
  };

  const handleRevealed = (values: Revealed) => onRevealed?.(values);

  /** Starts or stops replacing a number shown masked; stopping forgets what was typed. */
  const toggleReplacing = (field: keyof Replacing, on: boolean) => {
    setReplacingOf({ key: talentKey, value: { ...replacing, [field]: on } });
    form.setFields([{ name: field, value: '', errors: [] }]);
  };

  const lockHint = (field: string) =>
    isLocked(field) ? (
      <Typography.Text type="secondary">
        <LockOutlined /> {t('talents.form.lockedHint')}
      </Typography.Text>
    ) : undefined;

  const select = (placeholder = t('talents.form.selectPlaceholder')) => ({ allowClear: true, placeholder, style: { width: '100%' } });
  const half = { xs: 24, sm: 12 };
  const third = { xs: 24, sm: 12, md: 8 };

  const replacingIdNumber = !editing || replacing.idNumber;
  const replacingPhone = !editing || replacing.phone || !talent.phone;
  const idNumberExtra = !editing && !identity?.ok ? undefined : (
    <>
      {editing && !replacingIdNumber ? <div>{t('talents.form.idNumberKept')}</div> : null}
      {replacingIdNumber && identity?.ok ? (
        <div data-testid="id-number-facts">
          {t('talents.form.idNumberFacts', { birthDate: formatDate(identity.value.birthDate), gender: t(`dictionaries.genders.${identity.value.gender}`) })}
        </div>
      ) : null}
      {editing && isLocked('idNumber') ? (
        <div>
          <LockOutlined /> {t('talents.form.idNumberLocked')}
        </div>
      ) : null}
    </>
  );

  const employerCurrent = employerFixed
    ? { id: user.organisationId!, name: talent?.employer?.name ?? ownEnterprise.data?.enterprise?.name ?? '' }
    : (talent?.employer ?? null);

  return (
    <FormDrawer
      open={open}
      onClose={handleClose}
      title={editing ? t('talents.form.editTitle', { name: talent.name }) : t('talents.form.createTitle')}
      width={760}
      saving={mutation.isPending}
      onSave={() => void handleSubmit()}
      saveLabel={editing ? t('talents.form.submitEdit') : t('talents.form.submitCreate')}
      saveTestId="talent-form-submit"
    >
      <Form<TalentFormValues> form={form} name="talent-form" layout="vertical" autoComplete="off" onFinish={() => void handleSubmit()}>
        <FormErrorAlert
          save={save}
          testId="talent-form-error"
          onReload={onReload}
          reloadLabel={t('talents.form.conflictReload')}
          reloadTestId="talent-form-reload"
          conflictHelp={t('talents.form.conflictHelp')}
        />

        <Divider titlePlacement="start" style={{ marginTop: 0 }}>
          {t('talents.form.sections.identity')}
        </Divider>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="name" label={t('talents.form.name')} required extra={lockHint('name')}>
              <Input maxLength={40} disabled={isLocked('name')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('talents.form.idNumber')} htmlFor="talent-form_idNumber" required extra={idNumberExtra}>
              <Space.Compact style={{ width: '100%' }}>
                {replacingIdNumber ? (
                  <Form.Item name="idNumber" noStyle validateTrigger="onBlur" rules={[zodRule(idNumberField, language)]}>
                    <Input
                      maxLength={18}
                      placeholder={editing ? t('talents.form.newIdNumber') : undefined}
                      onChange={(event) => handleIdNumberChange(event.target.value)}
                      style={{ fontVariantNumeric: 'tabular-nums' }}
                      data-testid="talent-form-id-number"
                    />
                  </Form.Item>
                ) : (
                  <Input value={revealed?.idNumber ?? talent?.idNumber} disabled style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="talent-form-id-number-kept" />
                )}
                {editing && talent.permissions.reveal && !revealed && !replacingIdNumber ? (
                  <Button icon={<EyeOutlined />} onClick={() => setRevealOpen(true)} title={t('talents.form.showRevealed')} aria-label={t('talents.form.showRevealed')} />
                ) : null}
                {editing && !isLocked('idNumber') ? (
                  <Button
                    icon={replacing.idNumber ? <UndoOutlined /> : <EditOutlined />}
                    onClick={() => toggleReplacing('idNumber', !replacing.idNumber)}
                    data-testid="talent-form-replace-id-number"
                  >
                    {replacing.idNumber ? t('talents.form.keepNumber') : t('talents.form.replaceNumber')}
                  </Button>
                ) : null}
              </Space.Compact>
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="ethnicity" label={t('talents.form.ethnicity')}>
              <Select {...select()} showSearch options={ethnicities.map((value) => ({ value, label: value }))} />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="nativePlace" label={t('talents.form.nativePlace')}>
              <Cascader options={regionOptions(reference)} placeholder={t('talents.form.nativePlacePlaceholder')} showSearch style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="politicalStatus" label={t('talents.form.politicalStatus')}>
              <Select {...select()} options={politicalStatuses.map((value) => ({ value, label: t(`dictionaries.politicalStatuses.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              label={t('talents.form.phone')}
              htmlFor="talent-form_phone"
              extra={editing && talent.phone ? (replacingPhone ? t('talents.form.phoneClearHint') : t('talents.form.phoneKept')) : undefined}
            >
              <Space.Compact style={{ width: '100%' }}>
                {replacingPhone ? (
                  <Form.Item name="phone" noStyle validateTrigger="onBlur" rules={[zodRule(phoneField, language)]}>
                    <Input maxLength={20} placeholder={editing && talent.phone ? t('talents.form.newPhone') : undefined} inputMode="tel" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="talent-form-phone" />
                  </Form.Item>
                ) : (
                  <Input value={(revealed ? revealed.phone : talent?.phone) ?? ''} disabled style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="talent-form-phone-kept" />
                )}
                {editing && talent.phone ? (
                  <Button icon={replacing.phone ? <UndoOutlined /> : <EditOutlined />} onClick={() => toggleReplacing('phone', !replacing.phone)} data-testid="talent-form-replace-phone">
                    {replacing.phone ? t('talents.form.keepNumber') : t('talents.form.replaceNumber')}
                  </Button>
                ) : null}
              </Space.Compact>
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="email" label={t('talents.form.email')} validateTrigger="onBlur" rules={[zodRule(z.email(), language)]}>
              <Input maxLength={120} inputMode="email" />
            </Form.Item>
          </Col>
        </Row>

        <EducationList locked={isLocked('educations')} />
        <TitleList locked={isLocked('titles')} />
        <CertificateList locked={isLocked('certificates')} />

        <Divider titlePlacement="start">{t('talents.form.sections.work')}</Divider>
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item name="employerMode" label={t('talents.form.employerMode')} extra={asSelf ? t('talents.form.keptByOffice') : lockHint('employerId')}>
              <Radio.Group
                disabled={employerFixed || isLocked('employerId')}
                optionType="button"
                options={[
                  { value: 'zone', label: t('talents.form.employerInZone') },
                  { value: 'outside', label: t('talents.form.employerOutside') },
                ]}
              />
            </Form.Item>
          </Col>
          {employerMode === 'outside' ? (
            <Col {...half}>
              <Form.Item name="employerName" label={t('talents.form.employerName')}>
                <Input maxLength={120} disabled={isLocked('employerId')} />
              </Form.Item>
            </Col>
          ) : (
            <Col {...half}>
              <Form.Item name="employerId" label={t('talents.form.employerId')} extra={employerFixed ? t('talents.form.employerFixed') : undefined}>
                <EnterpriseSelect
                  current={employerCurrent}
                  disabled={employerFixed || isLocked('employerId')}
                  searchable={canSearchEnterprises}
                  placeholder={t('talents.form.employerPlaceholder')}
                  testId="talent-form-employer"
                />
              </Form.Item>
            </Col>
          )}
          <Col {...half}>
            <Form.Item name="post" label={t('talents.form.post')} extra={lockHint('post')}>
              <Input maxLength={60} disabled={isLocked('post')} />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="industry" label={t('talents.form.industry')}>
              <Select {...select()} options={industryOptions(reference, talent?.industry)} />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="salaryBand" label={t('talents.form.salaryBand')}>
              <Select {...select()} options={salaryBands.map((value) => ({ value, label: t(`dictionaries.salaryBands.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="tier" label={t('talents.form.tier')} extra={asSelf ? t('talents.form.keptByOffice') : lockHint('tier')}>
              <Select {...select()} disabled={isLocked('tier')} options={tierOptions(reference)} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="arrivalRoute" label={t('talents.form.arrivalRoute')} required extra={lockHint('arrivalRoute')}>
              <Select {...select()} allowClear={false} disabled={isLocked('arrivalRoute')} options={arrivalRoutes.map((value) => ({ value, label: t(`arrivalRoutes.${value}`) }))} data-testid="talent-form-arrival-route" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="arrivedOn" label={t('talents.form.arrivedOn')} extra={lockHint('arrivedOn')}>
              <DatePicker style={{ width: '100%' }} disabled={isLocked('arrivedOn')} disabledDate={(date) => date.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="status" label={t('talents.form.status')} required extra={editing && status !== talent.status ? t('talents.form.statusChangeHelp') : asSelf ? t('talents.form.keptByOffice') : undefined}>
              <Select {...select()} allowClear={false} disabled={isLocked('status')} options={talentStatuses.map((value) => ({ value, label: t(`talentStatuses.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="tags" label={t('talents.form.tags')} extra={asSelf ? t('talents.form.keptByOffice') : undefined}>
              <Select mode="tags" disabled={isLocked('tags')} tokenSeparators={[',', '，', '、']} placeholder={t('talents.form.tagsPlaceholder')} style={{ width: '100%' }} open={false} suffixIcon={null} />
            </Form.Item>
          </Col>
          {editing && status !== talent.status ? (
            <>
              <Col {...half}>
                <Form.Item name="statusSince" label={t('talents.form.statusSince')}>
                  <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.isAfter(dayjs(), 'day')} />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item name="statusNote" label={t('talents.form.statusNote')}>
                  <Input maxLength={200} placeholder={t('talents.form.statusNotePlaceholder')} />
                </Form.Item>
              </Col>
            </>
          ) : null}
        </Row>
      </Form>
      {editing ? <RevealDialog name="reveal-in-form" talentId={talent.id} open={revealOpen} onClose={() => setRevealOpen(false)} onRevealed={handleRevealed} /> : null}
    </FormDrawer>
  );
}
