import { createRoot } from 'react-dom/client';
import { Popup } from '@/components/popup/Popup';
import '@/assets/base.css';

createRoot(document.getElementById('root')!).render(<Popup />);
