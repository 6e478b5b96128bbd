import { defineResource } from '../defineResource';
import * as get from './get.operation';
import * as set from './set.operation';

export const { operations, description } = defineResource('variable', [get, set], 'set');
