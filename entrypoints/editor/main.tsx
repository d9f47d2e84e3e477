import { createRoot } from 'react-dom/client';
import { EditorApp } from '@/components/editor/EditorApp';
import '@/assets/base.css';

createRoot(document.getElementById('root')!).render(<EditorApp />);
