// Starts Swagger UI on /api/docs (a file, not an inline script, so that the CSP can forbid inline code).
// persistAuthorization keeps the token given to 「Authorize」 across reloads of the page.
window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true,
  persistAuthorization: true, presets: [SwaggerUIBundle.presets.apis], layout: "BaseLayout" });
