/**
 * Line colours: Okabe–Ito, distinguishable with colour-blindness. On the dark background its
 * lighter members lead and the darker ones are lifted, so every line has text-level contrast.
 */

/** On the light panel (#ffffff). */
export const LIGHT_PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#b07800', '#2f8fc4', '#6e6e6e', '#8c7a00'];
/** On the dark panel (#171b21). */
export const DARK_PALETTE = ['#56b4e9', '#e69f00', '#3fd0a0', '#f28cc4', '#f0e442', '#ff8a4c', '#c8c8c8', '#a99cff'];
