// A controlled input in real React 19 (issue 4), bundled by esbuild when the fixture server is
// asked for /vendor/react-app.js (server.ts). Plain JavaScript: the project carries no React types.
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';

function Settings() {
  const [token, setToken] = useState('');
  const [renders, setRenders] = useState(0);
  return h(
    'form',
    { onSubmit: (event) => event.preventDefault() },
    h('label', { htmlFor: 'react-key' }, 'API key'),
    h('input', {
      id: 'react-key',
      value: token,
      onChange: (event) => setToken(event.currentTarget.value),
      style: { width: 320 },
    }),
    // React resets the DOM value to its state on every render: a fill React never saw is lost here.
    h('button', { type: 'button', onClick: () => setRenders(renders + 1) }, 'Render again'),
    h('p', null, 'State: ', h('output', { id: 'state' }, token ? `${token.length} characters` : 'empty')),
    h('p', null, 'Renders: ', h('output', { id: 'renders' }, String(renders))),
  );
}

createRoot(document.getElementById('app')).render(h(Settings));
