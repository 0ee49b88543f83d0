// Five faces, from very unhappy (1) to very happy (5), drawn as SVG: no emoji font needed on a screen or a phone,
// nothing inline for the content security policy. Each face is decorative: its button or label says it in words.

const SVG = 'http://www.w3.org/2000/svg';
/** The mouth's curve for each score: the control point's height, below (smile) or above (frown) its ends. */
const MOUTH_BEND = { 1: -7, 2: -4, 3: 0, 4: 5, 5: 8 };
export const SCORES = [1, 2, 3, 4, 5];

function element(name, attributes) {
    const node = document.createElementNS(SVG, name);
    Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, String(value)));
    return node;
}

export function face(score) {
    const svg = element('svg', { viewBox: '0 0 40 40', class: `face face-${score}`, 'aria-hidden': 'true',
        focusable: 'false' });
    svg.append(
        element('circle', { cx: 20, cy: 20, r: 18, class: 'face-head' }),
        element('circle', { cx: 14, cy: 16, r: 2.4, class: 'face-feature' }),
        element('circle', { cx: 26, cy: 16, r: 2.4, class: 'face-feature' }),
        element('path', { d: `M12 27 Q20 ${27 + MOUTH_BEND[score]} 28 27`, class: 'face-mouth' }));
    return svg;
}
