/** Resource usage requests: the derived status and who may answer (pure). */
export * from './requestStatus';
