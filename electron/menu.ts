/** A minimal Korean application menu: the standard edit and view roles, nothing app-specific. */
import { Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';

export function menuTemplate(isDev: boolean, isMac: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: '새로 고침' },
    { type: 'separator' },
    { role: 'resetZoom', label: '실제 크기' },
    { role: 'zoomIn', label: '확대' },
    { role: 'zoomOut', label: '축소' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '전체 화면' },
  ];
  if (isDev) view.push({ type: 'separator' }, { role: 'toggleDevTools', label: '개발자 도구' });
  return [
    ...(isMac ? [{ role: 'appMenu' as const, label: '품앗이' }] : []),
    { label: '파일', submenu: [{ role: isMac ? 'close' : 'quit', label: '종료' }] },
    {
      label: '편집',
      submenu: [
        { role: 'undo', label: '실행 취소' },
        { role: 'redo', label: '다시 실행' },
        { type: 'separator' },
        { role: 'cut', label: '잘라내기' },
        { role: 'copy', label: '복사' },
        { role: 'paste', label: '붙여넣기' },
        { role: 'selectAll', label: '모두 선택' },
      ],
    },
    { label: '보기', submenu: view },
    { role: 'windowMenu', label: '창' },
  ];
}

export function installMenu(isDev: boolean) {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate(isDev, process.platform === 'darwin')),
  );
}
