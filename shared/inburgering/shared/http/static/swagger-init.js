// Starts Swagger UI on the docs page. A file of its own, not an inline script, so the page works
// under a Content-Security-Policy that allows only the service's own scripts.
(function () {
  "use strict";
  var plek = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: plek.getAttribute("data-openapi-url"),
    dom_id: "#swagger-ui",
    layout: "BaseLayout",
    deepLinking: true,
    showExtensions: true,
    showCommonExtensions: true,
    // The default validator is a public web service: the docs must not call out to it.
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
  });
})();
