/**
 * The shell's UI strings (default namespace). Korean first; every key must exist in both
 * languages (tests/unit/renderer/app/i18n.test.ts). Placeholders use i18next's `{{name}}`.
 */
const ko = {
  'app.name': '품앗이',
  'app.skipToMain': '본문으로 건너뛰기',
  'common.loading': '불러오는 중…',

  'nav.label': '주 메뉴',
  'nav.dashboard': '대시보드',
  'nav.reference': '기준정보',
  'nav.importExport': '가져오기·내보내기',
  'nav.reports': '월간 보고서',
  'nav.sync': '동기화',
  'nav.network': '공동활용 네트워크',
  'nav.settings': '설정',
  'nav.desk': '기술애로 데스크',

  'shortcut.search': '현재 화면 검색 (Ctrl+F)',
  'shortcut.nav': '메뉴 이동 (Alt+1…9)',
  'shortcut.globalSearch': '전체 검색 (Ctrl+K)',

  'status.cluster': '{{name}} 혁신클러스터',
  'status.noCluster': '클러스터 미지정',
  'status.online': '온라인',
  'status.offline': '오프라인',
  'status.pending': '{{n}}건 대기',
  'status.pendingHelp': '중앙 서버로 아직 보내지 않은 변경 건수',

  'lang.label': '언어',
  'lang.ko': '한국어',
  'lang.en': 'English',

  'cluster.spec.changwon': '기계',
  'cluster.spec.gumi': '전자',
  'cluster.spec.ulsan': '자동차',
  'cluster.spec.banwol-sihwa': '부품소재',
  'cluster.spec.gwangju': '광산업',
  'cluster.spec.wonju': '의료기기',
  'cluster.spec.gunsan': '자동차·기계부품',

  'error.title': '화면을 표시하는 중 문제가 생겼습니다.',
  'error.dataSafe':
    '저장된 자료는 이 컴퓨터에 그대로 남아 있습니다. 저장은 건마다 바로 이루어지므로 이미 저장한 내용은 사라지지 않습니다.',
  'error.next':
    '다시 시도하거나 왼쪽 메뉴에서 다른 화면으로 이동하세요. 계속되면 앱을 새로 고치세요.',
  'error.retry': '다시 시도',
  'error.reload': '새로 고침',
  'error.details': '기술 정보',

  'firstRun.title': '품앗이를 시작합니다',
  'firstRun.intro':
    '이 추진단이 맡은 혁신클러스터를 고르세요. 새로 입력하는 자료는 모두 이 클러스터의 자료로 기록됩니다.',
  'firstRun.clusterLegend': '혁신클러스터 (7개 시범단지)',
  'firstRun.chooseFirst': '클러스터를 먼저 고르세요.',
  'firstRun.changeLater': '클러스터는 나중에 설정에서 바꿀 수 있습니다.',
  'firstRun.demo': '데모 데이터 불러오기',
  'firstRun.empty': '빈 상태로 시작',
  'firstRun.demoHint':
    '데모 데이터는 화면을 익히기 위한 가상 자료입니다. 중앙 서버로는 보내지 않습니다.',
  'firstRun.saveFailed': '설정을 저장하지 못했습니다.',

  'demo.title': '데모 데이터 불러오기',
  'demo.load': '데모 데이터 불러오기',
  'demo.preparing': '데모 자료를 만드는 중입니다…',
  'demo.writing': '데모 자료를 저장하는 중입니다…',
  'demo.progress': '진행률',
  'demo.cancel': '취소',
  'demo.cancelHint': '취소해도 이미 저장한 자료는 남습니다. 다시 불러오면 빠진 자료만 채웁니다.',
  'demo.close': '닫기',
  'demo.status.done': '완료되었습니다.',
  'demo.status.cancelled': '취소되었습니다.',
  'demo.status.failed': '불러오지 못했습니다.',
  'demo.summary': '새로 추가 {{created}}, 이미 있어 건너뜀 {{skipped}}.',
  'demo.failedDetail': '원인:',
  'demo.col.entity': '항목',
  'demo.col.created': '추가',
  'demo.col.skipped': '건너뜀',

  'dashboard.resolutionRate': '애로 해결률',
  'dashboard.resolutionDetail': '해결 {{resolved}} / 접수 {{received}}',
  'dashboard.countsLabel': '항목별 자료 수',
  'dashboard.emptyTitle': '아직 자료가 없습니다',
  'dashboard.emptyBody':
    '기업·기관부터 입력하거나, 가지고 있는 엑셀·CSV 파일을 가져오거나, 데모 데이터로 화면을 먼저 둘러보세요.',
  'dashboard.add': '{{entity}} 추가',
  'dashboard.import': '파일 가져오기',
  'dashboard.scopeCluster': '{{name}} 클러스터 기준 (오늘까지)',
  'dashboard.scopeAll': '모든 클러스터 기준 (오늘까지) — 설정에서 우리 클러스터를 고르세요',
  'dashboard.open': '미결 기술애로',
  'dashboard.overdue': '처리기한 경과',

  'settings.cluster': '우리 추진단의 클러스터',
  'settings.clusterNone': '선택하세요',
  'settings.clusterHelp':
    '새로 입력하는 자료가 이 클러스터의 자료로 기록됩니다. 이미 입력한 자료의 클러스터는 바뀌지 않습니다.',
  'settings.deviceId': '기기 ID',
  'settings.deviceIdHelp':
    '이 컴퓨터의 자료를 구별하는 번호입니다. 동기화 문제를 문의할 때 알려 주세요.',
  'settings.storage': '저장소 보존',
  'settings.storageChecking': '확인 중…',
  'settings.storagePersisted': '보존됨 — 디스크 공간이 부족해도 자료가 지워지지 않습니다.',
  'settings.storageNotPersisted': '보존되지 않음',
  'settings.storageHelp':
    '디스크 공간이 부족하면 브라우저가 자료를 지울 수 있습니다. 보존을 요청하고, 백업 파일도 정기적으로 만들어 두세요.',
  'settings.storageRequest': '보존 요청',
  'settings.demo': '데모 데이터',
  'settings.demoState.loaded': '불러옴',
  'settings.demoState.none': '불러오지 않음',
  'settings.demoState.partial': '일부만 불러옴 (중단됨)',
  'demo.resume': '데모 데이터 이어서 불러오기',
  'demo.interrupted':
    '데모 데이터 불러오기가 중간에 멈췄습니다. 이미 저장한 자료는 그대로 있고, 이어서 불러오면 빠진 자료만 채웁니다.',
  'settings.demoHelp': '이미 있는 항목은 건너뛰므로 여러 번 불러와도 중복되지 않습니다.',
  'settings.demoReload': '데모 데이터 다시 불러오기',

  'placeholder.importExport.title': '가져오기·내보내기',
  'placeholder.importExport.p1':
    '준비 중입니다. 엑셀(xlsx)과 CSV(CP949·UTF-8) 파일에서 기업·전문가·기술애로 등을 가져오는 기능이 이곳에 들어옵니다. 제목 행, 병합 셀, 합계 행, 천 단위 쉼표와 여러 날짜 형식을 알아서 처리하고, 열을 항목에 맞추는 화면과 오류 행 목록을 보여 줍니다.',
  'placeholder.importExport.p2':
    '내보내기는 화면의 표를 엑셀·CSV 파일로 저장합니다. 그때까지는 각 항목 화면에서 직접 입력하세요.',
  'placeholder.reports.title': '월간 보고서',
  'placeholder.reports.p1':
    '준비 중입니다. 매월 제출하는 A4 보고서(애로 처리 현황, 미니클러스터 활동, 성과지표의 전월·전년 동월 대비)를 자료에서 바로 만들어 인쇄하거나 PDF로 저장하는 기능이 이곳에 들어옵니다.',
  'placeholder.reports.p2': '보고서의 모든 숫자는 어느 자료에서 나왔는지 따라갈 수 있게 만듭니다.',
  'placeholder.sync.title': '동기화',
  'placeholder.sync.p1':
    '준비 중입니다. 입력한 자료를 사무국의 중앙 서버로 보내고 다른 클러스터가 공유한 자료를 받아오는 기능이 이곳에 들어옵니다. 네트워크가 없는 현장에서는 동기화 파일로 주고받을 수 있게 됩니다.',
  'placeholder.sync.p2':
    '그동안 입력한 자료는 이 컴퓨터에 안전하게 저장되며, 아래 상태 표시줄의 대기 건수로 아직 보내지 않은 변경을 확인할 수 있습니다.',
  'placeholder.notFound.title': '없는 화면입니다',
  'placeholder.notFound.p1':
    '주소가 바뀌었거나 잘못 입력되었습니다. 왼쪽 메뉴에서 화면을 고르세요.',
  'placeholder.notFound.back': '대시보드로 가기',
} as const;

export type AppMessageKey = keyof typeof ko;

const en: Record<AppMessageKey, string> = {
  'app.name': 'Pumasi',
  'app.skipToMain': 'Skip to content',
  'common.loading': 'Loading…',

  'nav.label': 'Main menu',
  'nav.dashboard': 'Dashboard',
  'nav.reference': 'Reference data',
  'nav.importExport': 'Import & export',
  'nav.reports': 'Monthly report',
  'nav.sync': 'Sync',
  'nav.network': 'Shared network',
  'nav.settings': 'Settings',
  'nav.desk': 'Difficulty desk',

  'shortcut.search': 'Search this screen (Ctrl+F)',
  'shortcut.nav': 'Go to menu item (Alt+1…9)',
  'shortcut.globalSearch': 'Search everything (Ctrl+K)',

  'status.cluster': '{{name}} innovation cluster',
  'status.noCluster': 'No cluster chosen',
  'status.online': 'Online',
  'status.offline': 'Offline',
  'status.pending': '{{n}} pending',
  'status.pendingHelp': 'Changes not yet sent to the central server',

  'lang.label': 'Language',
  'lang.ko': '한국어',
  'lang.en': 'English',

  'cluster.spec.changwon': 'Machinery',
  'cluster.spec.gumi': 'Electronics',
  'cluster.spec.ulsan': 'Automotive',
  'cluster.spec.banwol-sihwa': 'Parts and materials',
  'cluster.spec.gwangju': 'Photonics',
  'cluster.spec.wonju': 'Medical devices',
  'cluster.spec.gunsan': 'Auto and machine parts',

  'error.title': 'Something went wrong while showing this screen.',
  'error.dataSafe':
    'Your saved data is still on this computer. Every record is saved as soon as you save it, so nothing saved is lost.',
  'error.next':
    'Try again, or pick another screen in the menu on the left. If it keeps happening, reload the app.',
  'error.retry': 'Try again',
  'error.reload': 'Reload',
  'error.details': 'Technical details',

  'firstRun.title': 'Welcome to Pumasi',
  'firstRun.intro':
    'Choose the innovation cluster this team runs. Everything you enter will be recorded as data of this cluster.',
  'firstRun.clusterLegend': 'Innovation cluster (7 pilot complexes)',
  'firstRun.chooseFirst': 'Choose a cluster first.',
  'firstRun.changeLater': 'You can change the cluster later in Settings.',
  'firstRun.demo': 'Load demo data',
  'firstRun.empty': 'Start empty',
  'firstRun.demoHint':
    'Demo data is fictional, for learning the screens. It is never sent to the central server.',
  'firstRun.saveFailed': 'The settings could not be saved.',

  'demo.title': 'Load demo data',
  'demo.load': 'Load demo data',
  'demo.preparing': 'Generating demo data…',
  'demo.writing': 'Saving demo data…',
  'demo.progress': 'Progress',
  'demo.cancel': 'Cancel',
  'demo.cancelHint':
    'What was already saved stays when you cancel. Loading again fills in only what is missing.',
  'demo.close': 'Close',
  'demo.status.done': 'Done.',
  'demo.status.cancelled': 'Cancelled.',
  'demo.status.failed': 'Could not load.',
  'demo.summary': 'Added {{created}}, skipped {{skipped}} already present.',
  'demo.failedDetail': 'Reason:',
  'demo.col.entity': 'Item',
  'demo.col.created': 'Added',
  'demo.col.skipped': 'Skipped',

  'dashboard.resolutionRate': 'Difficulty resolution rate',
  'dashboard.resolutionDetail': 'Resolved {{resolved}} / received {{received}}',
  'dashboard.countsLabel': 'Records per item',
  'dashboard.emptyTitle': 'No data yet',
  'dashboard.emptyBody':
    'Start by entering companies and organisations, import an Excel or CSV file you already have, or look around with demo data first.',
  'dashboard.add': 'Add {{entity}}',
  'dashboard.import': 'Import a file',
  'dashboard.scopeCluster': '{{name}} cluster, up to today',
  'dashboard.scopeAll': 'All clusters, up to today — choose your cluster in Settings',
  'dashboard.open': 'Open difficulties',
  'dashboard.overdue': 'Past due',

  'settings.cluster': "This team's cluster",
  'settings.clusterNone': 'Choose…',
  'settings.clusterHelp':
    'New records are recorded as data of this cluster. Records already entered keep their cluster.',
  'settings.deviceId': 'Device ID',
  'settings.deviceIdHelp':
    "Identifies this computer's data. Quote it when asking about a sync problem.",
  'settings.storage': 'Persistent storage',
  'settings.storageChecking': 'Checking…',
  'settings.storagePersisted': 'Persisted — data is kept even when the disk runs low.',
  'settings.storageNotPersisted': 'Not persisted',
  'settings.storageHelp':
    'When the disk runs low the browser may delete the data. Request persistence, and make backup files regularly.',
  'settings.storageRequest': 'Request persistence',
  'settings.demo': 'Demo data',
  'settings.demoState.loaded': 'Loaded',
  'settings.demoState.none': 'Not loaded',
  'settings.demoState.partial': 'Partly loaded (interrupted)',
  'demo.resume': 'Finish loading demo data',
  'demo.interrupted':
    'Loading the demo data stopped midway. What was saved stays; finishing the load adds only what is missing.',
  'settings.demoHelp': 'Records already present are skipped, so loading again never duplicates.',
  'settings.demoReload': 'Reload demo data',

  'placeholder.importExport.title': 'Import & export',
  'placeholder.importExport.p1':
    'Coming soon. Importing companies, experts, difficulties and more from Excel (xlsx) and CSV (CP949 or UTF-8) files will live here: title rows, merged cells, totals rows, thousands separators and the usual date formats handled, with a column-mapping step and a list of rows in error.',
  'placeholder.importExport.p2':
    'Export will save the tables on screen as Excel or CSV files. Until then, enter records on each screen.',
  'placeholder.reports.title': 'Monthly report',
  'placeholder.reports.p1':
    'Coming soon. The monthly A4 report (difficulties handled, mini-cluster activities, indicators against last month and the same month last year) will be built from the data here, to print or save as PDF.',
  'placeholder.reports.p2':
    'Every figure in the report will be traceable to the records behind it.',
  'placeholder.sync.title': 'Sync',
  'placeholder.sync.p1':
    'Coming soon. Sending your records to the central office and receiving what other clusters share will live here, including sync files for sites without a network.',
  'placeholder.sync.p2':
    'Meanwhile your records are stored safely on this computer; the pending count in the status bar shows changes not yet sent.',
  'placeholder.notFound.title': 'No such screen',
  'placeholder.notFound.p1':
    'The address changed or was mistyped. Choose a screen in the menu on the left.',
  'placeholder.notFound.back': 'Go to the dashboard',
};

export const appMessages: { ko: Record<AppMessageKey, string>; en: Record<AppMessageKey, string> } =
  { ko, en };
