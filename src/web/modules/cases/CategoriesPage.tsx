import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Select, Switch, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormDrawer, FormErrorAlert } from '../../ui/FormDrawer';
import { PageHeader } from '../../ui/PageHeader';
import { useFormSave } from '../../ui/use-form-save';
import { fetchUnits } from '../organisations/organisations.api';
import { fetchCategories, updateCategory, type Category, type CategoryPayload } from './cases.api';

type Values = Omit<CategoryPayload, 'version'>;
const fields = ['unitCode', 'workingDays', 'active', 'categoryName', 'categoryNameEn'] as const;

/** 诉求类别: the office edits each category's routing rule (unit, time limit in working days), whether it takes new requests, its labels. */
export function CategoriesPage() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const categories = useQuery({ queryKey: ['service-request-categories'], queryFn: fetchCategories });
  const [editing, setEditing] = useState<Category | null>(null);
  const columns: TableColumnsType<Category> = [
    { key: 'name', title: t('cases.categories.name'), render: (_, category) => (english ? category.nameEn : category.name) },
    { key: 'unit', title: t('cases.categories.unit'), render: (_, category) => (english ? category.unitNameEn : category.unitName) ?? t('common.none') },
    { key: 'workingDays', title: t('cases.categories.workingDays'), align: 'right', dataIndex: 'workingDays' },
    {
      key: 'active',
      title: t('cases.categories.active'),
      render: (_, category) => (category.active ? <Tag color="success">{t('cases.categories.activeYes')}</Tag> : <Tag>{t('cases.categories.activeNo')}</Tag>),
    },
    {
      key: 'edit',
      title: '',
      render: (_, category) => (
        <Button size="small" onClick={() => setEditing(category)} data-testid={`category-edit-${category.code}`}>
          {t('cases.categories.edit')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('cases.categories.title')} description={t('cases.categories.description')} />
      <Card>
        {categories.isError ? <ErrorAlert message={String(categories.error)} onRetry={() => void categories.refetch()} /> : null}
        <Table<Category> rowKey="code" loading={categories.isLoading} columns={columns} dataSource={categories.data ?? []} pagination={false} data-testid="categories-table" />
      </Card>
      {editing ? <CategoryDrawer key={`${editing.code}-${editing.version}`} category={editing} onClose={() => setEditing(null)} onReload={async () => setEditing((await categories.refetch()).data?.find((row) => row.code === editing.code) ?? null)} /> : null}
    </>
  );
}

function CategoryDrawer({ category, onClose, onReload }: { category: Category; onClose: () => void; onReload: () => Promise<unknown> }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useFormSave(form, fields);
  const units = useQuery({ queryKey: ['units'], queryFn: fetchUnits });
  const mutation = useMutation({
    mutationFn: (values: Values) => updateCategory(category.code, { ...values, version: category.version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['service-request-categories'] });
      void message.success(t('cases.categories.saved'));
      onClose();
    },
    onError: save.refused,
  });
  const handleSave = async () => {
    save.reset();
    const values = await form.validateFields().catch(() => null);
    if (values) mutation.mutate(values);
  };
  return (
    <FormDrawer open onClose={onClose} title={t('cases.categories.editTitle')} width={520} saving={mutation.isPending} onSave={() => void handleSave()} saveLabel={t('cases.categories.save')} saveTestId="category-save">
      <FormErrorAlert save={save} testId="category-error" onReload={onReload} reloadLabel={t('cases.categories.reload')} conflictHelp={t('cases.categories.stale')} />
      <Form<Values>
        form={form}
        name="category-form"
        layout="vertical"
        initialValues={{ unitCode: category.unitCode ?? undefined, workingDays: category.workingDays, active: category.active, categoryName: category.name, categoryNameEn: category.nameEn }}
      >
        <Form.Item name="categoryName" label={t('cases.categories.name')} rules={[{ required: true, whitespace: true, min: 2, max: 40 }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="categoryNameEn" label={t('cases.categories.nameEn')} rules={[{ required: true, whitespace: true, min: 2, max: 80 }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="unitCode" label={t('cases.categories.unit')} rules={[{ required: true }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={units.isLoading} options={(units.data ?? []).map((unit) => ({ value: unit.code, label: english ? unit.nameEn : unit.name }))} data-testid="category-unit" />
        </Form.Item>
        <Form.Item name="workingDays" label={t('cases.categories.workingDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={60} precision={0} />
        </Form.Item>
        <Form.Item name="active" label={t('cases.categories.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
