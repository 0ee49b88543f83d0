// The API description the server serves, read by Swagger UI (a WebJar). "Try it out" sends requests from this page:
// paste a session token (POST /api/v1/auth/login) or a device token under "Authorize".
window.SwaggerUIBundle({
    url: '/api/v1/openapi.json',
    dom_id: '#api',
    deepLinking: true,
});
