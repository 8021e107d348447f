// PurgeCSS settings for MudBlazor's stylesheet: keep the rules of the MudBlazor components ConnectUi renders
// (their class names are built in MudBlazor's C#, so they are kept by prefix) and every class our own markup names.
const path = require("path");
const app = path.resolve(__dirname, "../../ConnectUi");

module.exports = {
  content: [
    `${app}/**/*.razor`,
    `${app}/**/*.cs`,
    `${app}/wwwroot/js/**/*.js`,
  ],
  skippedContentGlobs: [`${app}/bin/**`, `${app}/obj/**`, `${app}/Connections/Storage/Migrations/**`],
  safelist: {
    standard: [
      // Components in use: MudLayout, MudAppBar, MudMainContent, MudContainer, MudPaper, MudText, MudLink, MudIcon,
      // MudButton, MudIconButton, MudTextField, MudAlert, MudProgressCircular, MudTooltip (popover), snackbars.
      /^mud-(layout|appbar|toolbar|main-content|container|paper|elevation-0|typography|link|icon|svg-icon|ripple)/,
      // Buttons in the outlined and filled variants only (no text buttons, no button groups).
      /^mud-button(?!-group|-text)/,
      /^mud-(shrink|dense|disabled|required|alert|progress-circular|tooltip|popover|snackbar)/,
      // Outlined text fields only.
      /^mud-input(?!-(filled|text|underline|number))/,
      // Palette colour classes the components above add from their Color/Severity parameters.
      /^mud-(theme|primary|secondary|tertiary|info|success|warning|error|dark|default|surface|inherit|text)(-|$)/,
      // Elements those components render (our markup names the others).
      "legend", "fieldset", "label", "input", "textarea", "button", "svg", "path", "circle", "g", "header", "footer",
      // Layout utilities those components add internally (seen in their rendered markup).
      /^(d-flex|justify-start|me-auto|px-2|ms-auto|flex-grow-1|align-center)$/,
    ],
  },
  keyframes: true,
  fontFace: true,
};
