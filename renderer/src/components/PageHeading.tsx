interface Props {
  title: string;
  intro: string;
}

/** The page's h1; App moves focus here after navigation so screen readers announce the page. */
export function PageHeading({ title, intro }: Props) {
  return (
    <div className="page-heading">
      <h1 tabIndex={-1}>{title}</h1>
      <p className="page-intro">{intro}</p>
    </div>
  );
}
