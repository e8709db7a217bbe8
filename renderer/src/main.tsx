import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './i18n';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/virtual-table.css';
import './styles/devices.css';
import './styles/dialog.css';
import './styles/people.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
