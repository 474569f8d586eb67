import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Grid, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleBinding, type BindingKind, type Role } from '../../../domain/roles';
import { isApiError } from '../../app/api';
import { applyFieldErrors } from '../../ui/form-errors';
import { useCurrentUser } from '../auth/RequireSession';
import { BindingSelect } from './BindingSelect';
import { grantableRoles } from './remit';
import { createUser, isFiled, updateUser, type Filed, type UserView, type WithOneTimePassword } from './users.api';
import { showOneTimePassword } from './OneTimePassword';

type UserFormValues = {
  username: string;
  displayName: string;
  roles: Role[];
  talentId?: string | null;
  organisationId?: string | null;
  unitId?: string | null;
};

type BindingField = 'talentId' | 'organisationId' | 'unitId';
const bindingFields: Record<BindingKind, BindingField> = { talent: 'talentId', organisation: 'organisationId', unit: 'unitId' };
const bindingKinds: BindingKind[] = ['talent', 'organisation', 'unit'];
const fieldNames = ['username', 'displayName', 'roles', 'talentId', 'organisationId', 'unitId'];

/** The bindings the chosen roles need: `talent` → a talent, `enterprise` → an enterprise, `department` → a unit. */
const neededBindings = (roles: readonly Role[] | undefined) => new Set((roles ?? []).map((role) => roleBinding[role]).filter((kind): kind is BindingKind => !!kind));

type UserFormDrawerProps = {
  open: boolean;
  /** The account to edit; none to create one. */
  user: UserView | null;
  onClose: () => void;
};

/** Creates or edits an account: roles limited to the actor's remit (三权分立), a binding picker for each role that needs one. */
export function UserFormDrawer({ open, user, onClose }: UserFormDrawerProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const actor = useCurrentUser();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<UserFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const roles = Form.useWatch('roles', form);
  const needed = neededBindings(roles);
  const grantable = grantableRoles(actor.roles);
  const adminOnly = !actor.roles.includes('sysadmin');
  const editing = user !== null;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user) {
      form.setFieldsValue({ displayName: user.displayName, roles: user.roles, talentId: user.talent?.id ?? null, organisationId: user.organisation?.id ?? null, unitId: user.unit?.id ?? null });
    }
  }, [open, user, form]);

  const mutation = useMutation({
    mutationFn: (values: UserFormValues): Promise<UserView | WithOneTimePassword | Filed> => {
      const required = neededBindings(values.roles);
      const bindings = Object.fromEntries(
        bindingKinds.map((kind) => [bindingFields[kind], required.has(kind) ? (values[bindingFields[kind]] ?? null) : null]),
      ) as Record<BindingField, string | null>;
      if (user) return updateUser(user.id, { displayName: values.displayName, roles: values.roles, ...bindings });
      // A new account sends only the bindings its roles use.
      const used = Object.fromEntries(Object.entries(bindings).filter(([, value]) => value !== null));
      return createUser({ username: values.username, displayName: values.displayName, roles: values.roles, ...used });
    },
    onSuccess: (answer, values) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['admin-requests'] });
      void queryClient.invalidateQueries({ queryKey: ['home'] });
      if (isFiled(answer)) void message.info(t('account.requests.filed'));
      else if ('oneTimePassword' in answer) showOneTimePassword(modal, t, values.displayName, answer.oneTimePassword);
      else void message.success(editing ? t('users.updatedDone') : t('users.createdDone'));
      handleClose();
    },
    onError: (error) => {
      if (!isApiError(error)) return setFormError(String(error));
      const unmatched = applyFieldErrors(form, error.fields, fieldNames);
      setFormError(error.code === 'validation' && unmatched.length === 0 ? null : [error.message, ...unmatched].join(' '));
    },
  });

  function handleClose() {
    setFormError(null);
    onClose();
  }

  const handleSubmit = (values: UserFormValues) => {
    setFormError(null);
    mutation.mutate(values);
  };

  const required = [{ required: true, whitespace: true, message: t('users.form.required') }];

  return (
    <Drawer
      open={open}
      onClose={handleClose}
      title={editing ? t('users.form.editTitle', { name: user.displayName }) : t('users.form.createTitle')}
      size={screens.sm ? 480 : '100%'}
      forceRender
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={handleClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()} data-testid="user-form-submit">
            {editing ? t('users.form.submitEdit') : t('users.form.submitCreate')}
          </Button>
        </Space>
      }
    >
      <Form<UserFormValues> form={form} name="user-form" layout="vertical" requiredMark onFinish={handleSubmit} autoComplete="off">
        {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="user-form-error" /> : null}
        {editing ? null : (
          <Form.Item name="username" label={t('users.form.username')} extra={t('users.form.usernameHelp')} rules={required}>
            <Input maxLength={40} autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('users.form.displayName')} rules={required}>
          <Input maxLength={60} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('users.form.roles')}
          extra={adminOnly ? t('users.form.rolesHelpSecadmin') : t('users.form.rolesHelpSysadmin')}
          rules={[{ required: true, type: 'array', min: 1, message: t('users.form.required') }]}
        >
          <Select<Role[]>
            mode="multiple"
            maxCount={adminOnly ? 1 : undefined}
            options={grantable.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            data-testid="user-form-roles"
          />
        </Form.Item>
        {bindingKinds
          .filter((kind) => needed.has(kind))
          .map((kind) => {
            const field = bindingFields[kind];
            const current = user ? { talent: user.talent, organisation: user.organisation, unit: user.unit }[kind] : null;
            return (
              <Form.Item key={kind} name={field} label={t(`users.form.${field}`)} rules={[{ required: true, message: t('users.form.required') }]}>
                <BindingSelect kind={kind} placeholder={t('users.form.bindingPlaceholder')} current={current ? { id: current.id, label: current.name } : null} />
              </Form.Item>
            );
          })}
      </Form>
    </Drawer>
  );
}
