import { QueryBuilderAntD } from '@react-querybuilder/antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryBuilder, formatQuery, type Field, type FieldSelectorProps, type FullField, type RuleGroupType, type RuleType, type ValueEditorType } from 'react-querybuilder';
import { parseJsonLogic } from 'react-querybuilder/parseJsonLogic';
import 'react-querybuilder/dist/query-builder.css';
import { AntDValueSelector } from '@react-querybuilder/antd';
import { factModels, type Fact, type SubjectKind } from '../../../domain/policies/facts';
import { currentLanguage } from '../../app/i18n';
import { useReference } from '../reference/reference.api';
import { industryOptions, tierOptions } from '../reference/reference.api';
import type { PolicyParameter } from './policies.api';

const paramPrefix = 'params.';
type Operator = { name: string; label: string };

/** The builder's fields: the facts of the target (labels, rank and code lists as value selects) and the parameters (as values). */
export function useRuleFields(kind: SubjectKind, parameters: PolicyParameter[]): Field[] {
  const { t } = useTranslation();
  const reference = useReference().data;
  const language = currentLanguage();
  return useMemo(() => {
    const op = (name: string, key: string = name) => ({ name, label: t(`rqb.operators.${key}` as 'rqb.operators.=') });
    const compare: Operator[] = [op('='), op('!='), op('<'), op('<='), op('>'), op('>='), op('between'), op('notNull'), op('null')];
    const equality: Operator[] = [op('='), op('!='), op('in'), op('notIn'), op('notNull'), op('null')];
    const valueSources: Field['valueSources'] = [
      { name: 'value', label: t('rqb.value') },
      { name: 'field', label: t('rqb.field') },
    ];
    const codeValues = (name: string, fact: Fact) => {
      if (fact.codeLabels) return Object.entries(fact.codeLabels).map(([code, label]) => ({ name: code, label: label[language] }));
      if (fact.codes) return fact.codes.map((code) => ({ name: code, label: code }));
      if (fact.reference === 'industries') return industryOptions(reference).map((option) => ({ name: option.value, label: option.label }));
      if (fact.reference === 'tiers') return tierOptions(reference).map((option) => ({ name: option.value, label: option.label }));
      return name ? [] : [];
    };
    const factFields: Field[] = Object.entries(factModels[kind]).map(([name, fact]) => {
      const label = fact.label[language];
      const comparableParams = (field: FullField) => field.name.startsWith(paramPrefix);
      switch (fact.type) {
        case 'ordinal':
          return {
            name,
            label,
            operators: compare,
            valueEditorType: 'select',
            values: Object.entries(fact.ranks ?? {}).map(([rank, labels]) => ({ name: rank, label: labels[language] })),
            valueSources,
            comparator: comparableParams,
            defaultValue: Object.keys(fact.ranks ?? {})[0],
          };
        case 'number':
          return { name, label, operators: compare, inputType: 'number', valueSources, comparator: comparableParams, defaultValue: '0' };
        case 'date':
          return { name, label, operators: compare, inputType: 'date' };
        case 'boolean':
          return { name, label, operators: [op('=')], valueEditorType: 'select', values: [{ name: 'true', label: t('ruleText.yes') }, { name: 'false', label: t('ruleText.no') }], defaultValue: 'true' };
        case 'codes': {
          const values = codeValues(name, fact);
          return { name, label, operators: [op('contains'), op('notNull'), op('null')], ...(values.length ? { valueEditorType: 'select' as const, values } : {}) };
        }
        default: {
          const values = codeValues(name, fact);
          const editor = (operator: string): ValueEditorType => (operator === 'in' || operator === 'notIn' ? 'multiselect' : 'select');
          return { name, label, operators: equality, ...(values.length ? { valueEditorType: editor, values } : {}) };
        }
      }
    });
    const parameterFields: Field[] = parameters.map((parameter) => ({ name: `${paramPrefix}${parameter.name}`, label: t('draft.paramField', { label: parameter.label }) }));
    return [...factFields, ...parameterFields];
  }, [kind, parameters, reference, language, t]);
}

/** The left-hand field select lists the facts only: parameters are values (`{"var":"params.x"}`), chosen with 值/参数. */
function FactSelector(props: FieldSelectorProps) {
  const options = (props.options as { name?: string }[]).filter((option) => !option.name?.startsWith(paramPrefix));
  return <AntDValueSelector {...props} options={options as never} />;
}

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
const numeric = (value: unknown) => (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value);

/**
 * The builder keeps values as strings; the rule needs them typed as the facts are: ranks and numbers as numbers,
 * booleans as booleans. Walks the JsonLogic and fixes each comparison whose other side is such a fact.
 */
function typedRule(rule: unknown, model: Record<string, Fact>): unknown {
  if (Array.isArray(rule)) return rule.map((item) => typedRule(item, model));
  if (!isObject(rule)) return rule;
  const [operator] = Object.keys(rule);
  const raw = rule[operator];
  const values = Array.isArray(raw) ? raw : [raw];
  const factNames = values.map((value) => (isObject(value) && typeof value.var === 'string' ? value.var : null));
  const fact = factNames.map((name) => (name ? model[name] : undefined)).find(Boolean);
  const convert = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(convert);
    if (!fact) return value;
    if (fact.type === 'ordinal' || fact.type === 'number') return numeric(value);
    if (fact.type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
    return value;
  };
  const next = values.map((value) => (isObject(value) ? typedRule(value, model) : convert(value)));
  return { [operator]: Array.isArray(raw) ? next : next[0] };
}

/** JsonLogic from the builder's query. */
export function queryToRule(query: RuleGroupType, kind: SubjectKind): unknown {
  return typedRule(formatQuery(query, { format: 'jsonlogic' }), factModels[kind]);
}

const stringValues = (query: RuleGroupType): RuleGroupType => ({
  ...query,
  rules: query.rules.map((rule) => {
    if ('rules' in rule) return stringValues(rule);
    const value: unknown = (rule as RuleType).value;
    return { ...rule, value: Array.isArray(value) ? value.map(String) : typeof value === 'number' || typeof value === 'boolean' ? String(value) : value };
  }),
});

const canonical = (value: unknown) => JSON.stringify(value);

/**
 * The builder's query of a rule, or null when the builder cannot show it as it is (if/then, arithmetic …): the rule
 * is parsed and written back, and only a round trip that gives the same rule is accepted, so nothing is lost.
 */
export function ruleToQuery(rule: unknown, kind: SubjectKind, fields: Field[]): RuleGroupType | null {
  try {
    const parsed = parseJsonLogic(rule as Parameters<typeof parseJsonLogic>[0], { fields: fields as never, listsAsArrays: true });
    const query = stringValues(parsed);
    return canonical(queryToRule(query, kind)) === canonical(rule) ? query : null;
  } catch {
    return null;
  }
}

type RuleBuilderProps = { kind: SubjectKind; fields: Field[]; query: RuleGroupType; onChange: (query: RuleGroupType) => void };

/** react-querybuilder in antd dress, in the interface language. */
export function RuleBuilder({ fields, query, onChange }: RuleBuilderProps) {
  const { t } = useTranslation();
  const translations = useMemo(
    () => ({
      addRule: { label: `+ ${t('rqb.addRule')}`, title: t('rqb.addRule') },
      addGroup: { label: `+ ${t('rqb.addGroup')}`, title: t('rqb.addGroup') },
      removeRule: { label: '×', title: t('rqb.removeRule') },
      removeGroup: { label: '×', title: t('rqb.removeGroup') },
      notToggle: { label: t('rqb.not'), title: t('rqb.not') },
    }),
    [t],
  );
  const combinators = useMemo(
    () => [
      { name: 'and', label: t('rqb.and') },
      { name: 'or', label: t('rqb.or') },
    ],
    [t],
  );
  return (
    <div data-testid="rule-builder">
      <QueryBuilderAntD>
        <QueryBuilder
          fields={fields}
          query={query}
          onQueryChange={onChange}
          combinators={combinators}
          translations={translations}
          controlElements={{ fieldSelector: FactSelector }}
          showNotToggle
          listsAsArrays
          controlClassnames={{ queryBuilder: 'queryBuilder-branches' }}
        />
      </QueryBuilderAntD>
    </div>
  );
}
