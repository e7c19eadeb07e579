// Where the article comes from, under its title (issue #16): site · date · author · a link to the original.
// Every value is rendered as text; the link exists only for an http(s) address (see article-source.ts).
import type { Model } from '../model/create-model.ts';
import { articleSource } from '../model/article-source.ts';

export function ArticleSource({ model }: { model: Model }) {
  const info = articleSource(model.layer.value?.article);
  if (!info) return null;
  return (
    <p class="aa-source">
      {info.source && <span>{info.source}</span>}
      {info.date && <time dateTime={info.date.iso}>{info.date.text}</time>}
      {info.author && <span>{info.author}</span>}
      {info.href && (
        <span>
          <a href={info.href} target="_blank" rel="noopener noreferrer">
            Original article
          </a>
        </span>
      )}
    </p>
  );
}
