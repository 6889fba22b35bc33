import { publicationOperation } from './publication';

export const { option, description, execute } = publicationOperation(true);
