/** Strings of the resource usage requests (namespace `resources`), Korean first. */
import { useTranslation } from 'react-i18next';
import { registerMessages } from '../../i18n';

export const RESOURCES_NS = 'resources';

const ko = {
  title: '사용 요청 ({{n}})',
  none: '아직 사용 요청이 없습니다.',
  request: '사용 요청',
  submit: '요청 보내기',
  cancel: '취소',
  requested: '사용 요청을 저장했습니다',
  decided: '{{status}} 처리했습니다',
  failed: '저장하지 못했습니다: {{message}}',
  from: '{{cluster}} 클러스터 요청',
  ownerOnly: '승인·반려·완료는 자원을 보유한 클러스터만 처리합니다.',
  noCluster: '설정에서 우리 클러스터를 먼저 고르세요.',
};
export type ResourcesMessageKey = keyof typeof ko;

const en: Record<ResourcesMessageKey, string> = {
  title: 'Usage requests ({{n}})',
  none: 'No usage requests yet.',
  request: 'Request use',
  submit: 'Send request',
  cancel: 'Cancel',
  requested: 'Usage request saved',
  decided: 'Marked {{status}}',
  failed: 'Could not save: {{message}}',
  from: 'Requested by {{cluster}}',
  ownerOnly: 'Only the cluster that owns the resource approves, rejects or completes.',
  noCluster: 'Choose your cluster in Settings first.',
};

registerMessages(RESOURCES_NS, { ko, en });

export type ResourcesT = (
  key: ResourcesMessageKey,
  params?: Record<string, string | number>,
) => string;

export function useResourcesT(): ResourcesT {
  const { t } = useTranslation(RESOURCES_NS);
  return t as unknown as ResourcesT;
}
