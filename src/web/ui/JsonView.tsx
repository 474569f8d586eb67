type JsonViewProps = { value: unknown };

/** A JSON value, indented, in a scrollable block. */
export function JsonView({ value }: JsonViewProps) {
  return (
    <pre
      style={{
        margin: 0,
        padding: 12,
        maxHeight: 320,
        overflow: 'auto',
        background: 'rgba(0, 0, 0, 0.03)',
        border: '1px solid rgba(5, 5, 5, 0.06)',
        borderRadius: 6,
        fontSize: 12,
        lineHeight: 1.6,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-all',
      }}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
