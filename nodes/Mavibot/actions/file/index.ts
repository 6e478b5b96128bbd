import { defineResource } from '../defineResource';
import * as download from './download.operation';

export const { operations, description } = defineResource('file', [download], 'download');
