import { describe, expect, it } from 'vitest';
import { MError } from '@pqsdk/m-evaluator';
import { parseMetadata } from './odata-metadata.js';

const CSDL = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="Shop.Model" Alias="S" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="Item" Abstract="true">
        <Key><PropertyRef Name="Id"/></Key>
        <Property Name="Id" Type="Edm.Int32" Nullable="false"/>
      </EntityType>
      <EntityType Name="Product" BaseType="S.Item" OpenType="true">
        <Property Name="Name" Type="Edm.String"/>
        <Property Name="Tags" Type="Collection(Edm.String)"/>
        <Property Name="Size" Type="S.Dimensions"/>
        <NavigationProperty Name="Maker" Type="S.Maker"/>
      </EntityType>
      <ComplexType Name="Dimensions">
        <Property Name="Width" Type="Edm.Double" Nullable="false"/>
      </ComplexType>
      <EnumType Name="Color"><Member Name="Red"/></EnumType>
      <Function Name="Cheapest" IsBound="false">
        <Parameter Name="count" Type="Edm.Int32" Nullable="false"/>
        <ReturnType Type="Collection(S.Product)"/>
      </Function>
      <Function Name="Bound" IsBound="true">
        <Parameter Name="bindingParameter" Type="S.Product"/>
      </Function>
      <EntityContainer Name="Container">
        <EntitySet Name="Products" EntityType="S.Product"/>
        <Singleton Name="Featured" Type="Shop.Model.Product"/>
        <FunctionImport Name="Cheapest" Function="S.Cheapest"/>
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;

describe('parseMetadata', () => {
  const model = parseMetadata(CSDL);

  it('reads entity types with their base types, resolving aliases', () => {
    expect(model.entityTypes.get('Shop.Model.Product')).toEqual({
      name: 'Shop.Model.Product',
      properties: [
        { name: 'Id', type: 'Edm.Int32', nullable: false },
        { name: 'Name', type: 'Edm.String', nullable: true },
        { name: 'Tags', type: 'Collection(Edm.String)', nullable: true },
        { name: 'Size', type: 'Shop.Model.Dimensions', nullable: true },
      ],
      key: ['Id'],
      open: true,
    });
  });

  it('reads complex types, enumerations and unbound functions', () => {
    expect(model.complexTypes.get('Shop.Model.Dimensions')?.properties).toEqual([
      { name: 'Width', type: 'Edm.Double', nullable: false },
    ]);
    expect([...model.enumTypes]).toEqual(['Shop.Model.Color']);
    expect([...model.functions.keys()]).toEqual(['Shop.Model.Cheapest']);
    expect(model.functions.get('Shop.Model.Cheapest')).toEqual({
      name: 'Shop.Model.Cheapest',
      parameters: [{ name: 'count', type: 'Edm.Int32', nullable: false }],
      returnType: 'Collection(Shop.Model.Product)',
    });
  });

  it('reads the entity container', () => {
    expect(model.container).toEqual([
      { kind: 'EntitySet', name: 'Products', target: 'Shop.Model.Product' },
      { kind: 'Singleton', name: 'Featured', target: 'Shop.Model.Product' },
      { kind: 'FunctionImport', name: 'Cheapest', target: 'Shop.Model.Cheapest' },
    ]);
  });

  it('gives an empty model for a document that is not CSDL', () => {
    expect(parseMetadata('<html><body/></html>').container).toEqual([]);
  });

  it('refuses a document with a DOCTYPE', () => {
    expect(() => parseMetadata('<!DOCTYPE x SYSTEM "http://evil.example/x.dtd"><x/>')).toThrow(
      MError,
    );
  });
});
