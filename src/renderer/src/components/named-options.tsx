/** One `<option>` per item of a picker: the id is the value, the name is what the user reads. */
export function NamedOptions({ items }: { items: readonly { id: string; name: string }[] }): React.JSX.Element {
  return (
    <>
      {items.map((item) => (
        <option key={item.id} value={item.id}>
          {item.name}
        </option>
      ))}
    </>
  );
}
