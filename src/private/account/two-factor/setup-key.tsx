/**
 * The set-up's secret, for typing into an app: in groups of four to read, but copied as it is,
 * since the groups are spans with no text between them.
 */
export function SetupKey({ label, secret }: { label: string; secret: string }) {
  const groups = secret.match(/.{1,4}/g) ?? [];
  return (
    <dl className="details">
      <div>
        <dt>{label}</dt>
        <dd>
          <code className="setup-key">
            {groups.map((group, index) => (
              // The groups are positions in one string: their order never changes.
              <span key={index}>{group}</span>
            ))}
          </code>
        </dd>
      </div>
    </dl>
  );
}
