#!/usr/bin/env bash
# exit on error
set -o errexit

# Gatehouse, in gatehouse/, builds into dist/, which src/app.py serves.
npm --prefix gatehouse ci
npm --prefix gatehouse run build -- --outDir ../dist --emptyOutDir

pipenv install

pipenv run upgrade
