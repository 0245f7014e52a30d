/** A screen whose functions are not built yet. Says so plainly instead of pretending. */
export function PlaceholderScreen({ title }: { title: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p className="muted">Den här delen är inte byggd ännu.</p>
    </>
  );
}
