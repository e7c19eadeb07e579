// A thin strip standing for the whole article, with a tick wherever the selected place is mentioned
// (issue #4). Each tick is a button that shows that mention in the text.
import type { Model } from '../model/create-model.ts';
import type { TextMention } from '../model/layer-view.ts';

export function MentionStrip({ model, mentions, length }: { model: Model; mentions: TextMention[]; length: number }) {
  if (!length) return null;
  return (
    <div class="aa-strip" role="group" aria-label="Where the article mentions it">
      {mentions.map((m, i) => (
        <button
          type="button"
          key={m.start}
          class={`aa-tick${m.type === 'adjectival' ? ' aa-adj' : ''}`}
          style={{ left: `${((m.start / length) * 100).toFixed(2)}%` }}
          aria-label={`Mention ${i + 1} of ${mentions.length}, paragraph ${m.passage + 1}`}
          onClick={() => (model.reveal.value = { start: m.start })}
        />
      ))}
    </div>
  );
}
