"""The offline copy: the service worker that keeps the site on the reader's device, and the web app manifest."""
