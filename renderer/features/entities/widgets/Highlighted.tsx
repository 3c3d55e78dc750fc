/** A title with its matched part in <mark> (React escapes the text: HTML in a name stays text). */
export function Highlighted({
  text,
  span,
}: {
  text: string;
  span?: { start: number; end: number };
}) {
  if (!span || span.end <= span.start) return <>{text}</>;
  return (
    <>
      {text.slice(0, span.start)}
      <mark className="search-mark">{text.slice(span.start, span.end)}</mark>
      {text.slice(span.end)}
    </>
  );
}
