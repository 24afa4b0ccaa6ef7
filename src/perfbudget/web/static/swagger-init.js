// Starts Swagger UI on /api/docs (a file, not an inline script, so that the CSP can forbid inline code).
window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis], layout: "BaseLayout" });
