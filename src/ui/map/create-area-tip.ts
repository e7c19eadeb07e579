// The hover and focus name of the areas on the map: one element per map, placed above the pointer (or the
// shape's centre on keyboard focus) by a transform and never measured, written once per animation frame so
// that no layout is pending when Leaflet's mouse handlers read the map. Why not Leaflet's tooltip: README.md.
import { stamp, type Map as LeafletMap, type Point } from 'leaflet';

export interface AreaTip {
  /** Shows `name` at a container point and names the shape it describes. */
  show(name: string, at: Point, node: Element): void;
  hide(): void;
  remove(): void;
}

/** @example const tip = createAreaTip(map, el); path.on('mouseover', (e) => tip.show('Lachin', e.containerPoint, node)) */
export function createAreaTip(map: LeafletMap, el: HTMLElement): AreaTip {
  const tip = document.createElement('div');
  // Leaflet's class names: the same look, and a host's or a test's selectors keep working.
  tip.className = 'leaflet-tooltip aa-tip';
  tip.setAttribute('role', 'tooltip');
  tip.id = `aa-tip-${stamp(map)}`;
  tip.hidden = true;
  el.appendChild(tip);
  let name = '';
  let at: Point | null = null;
  let frame = 0;
  const draw = () => {
    frame = 0;
    tip.hidden = !at;
    if (!at) return;
    // Only a new name dirties layout: a pointer moving over one shape moves the name by a transform.
    if (tip.textContent != name) tip.textContent = name;
    tip.style.transform = `translate(${at.x}px,${at.y}px)`;
  };
  const update = (n: string, p: Point | null) => {
    name = n;
    at = p;
    frame ||= requestAnimationFrame(draw);
  };
  const hide = () => update(name, null);
  // A moving map would leave the name behind; the next pointer move shows it again.
  map.on('movestart zoomstart', hide);
  return {
    show(n, p, node) {
      update(n, p);
      node.setAttribute('aria-describedby', tip.id);
    },
    hide,
    remove() {
      cancelAnimationFrame(frame);
      tip.remove();
    },
  };
}
