import { createRoot } from 'react-dom/client';
import { Welcome } from '@/components/welcome/Welcome';
import '@/assets/base.css';

createRoot(document.getElementById('root')!).render(<Welcome />);
